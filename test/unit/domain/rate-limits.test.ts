import { describe, expect, it } from 'vitest';
import { parseLimit, sourceSubject, windowOf } from '#domain/rate-limits';

describe('windowOf', () => {
  it('puts an instant in the fixed window that holds it and says when the next one opens', () => {
    const w = windowOf({ windowSeconds: 600 }, new Date('2026-01-01T00:07:30.250Z'));
    expect(w.start).toBe('2026-01-01T00:00:00.000Z');
    expect(w.endEpoch).toBe(Date.parse('2026-01-01T00:10:00Z') / 1000);
    expect(w.retryAfterSeconds).toBe(150);
  });

  it('never answers a Retry-After below one second', () => {
    expect(windowOf({ windowSeconds: 600 }, new Date('2026-01-01T00:09:59.999Z')).retryAfterSeconds).toBe(1);
  });
});

describe('parseLimit', () => {
  it('reads <max>/<window seconds>', () => {
    expect(parseLimit('MAILS_PER_RECIPIENT', '40/86400')).toEqual({
      name: 'MAILS_PER_RECIPIENT',
      max: 40,
      windowSeconds: 86_400,
    });
  });

  it.each(['40', '0/60', '40/0', 'forty/60', '40/60s', ''])('refuses %j', (text) => {
    expect(() => parseLimit('MAILS_PER_RECIPIENT', text)).toThrow(/<max>\/<window seconds>/);
  });
});

describe('sourceSubject', () => {
  it('keeps an IPv4 address, also when mapped into IPv6', () => {
    expect(sourceSubject('203.0.113.7')).toBe('203.0.113.7');
    expect(sourceSubject('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('groups an IPv6 address by its /64, however it is written', () => {
    const a = sourceSubject('2001:db8:0:1::1');
    expect(a).toBe('2001:db8:0:1::/64');
    expect(sourceSubject('2001:0DB8:0000:0001:ffff:ffff:ffff:ffff')).toBe(a);
    expect(sourceSubject('2001:db8:0:2::1')).not.toBe(a);
    expect(sourceSubject('::1')).toBe('0:0:0:0::/64');
  });
});
