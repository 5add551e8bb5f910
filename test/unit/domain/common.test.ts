import { describe, expect, it } from 'vitest';
import {
  AmountTwdSchema,
  DOMAIN_NAME,
  EmailSchema,
  HttpsUrlSchema,
  IdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  LocalizedTextSchema,
  textField,
} from '#domain/common';
import * as z from '#domain/zod';

describe('IdSchema', () => {
  it.each(['moi', 'a1', 'ris-2026', 'x'.repeat(64), '301000000A', '6564', '7'])('accepts %s', (id) => {
    expect(IdSchema.safeParse(id).success).toBe(true);
  });

  it.each(['', '-moi', 'moi_ris', 'moi ris', 'x'.repeat(65), '內政部', 'a/b', '..'])('refuses %s', (id) => {
    expect(IdSchema.safeParse(id).success).toBe(false);
  });
});

describe('textField', () => {
  it('trims and keeps inner line breaks and tabs', () => {
    // Act
    const parsed = textField(20).parse('  line one\n\tline two  ');

    // Assess
    expect(parsed).toBe('line one\n\tline two');
  });

  it('turns CRLF from a browser form into LF', () => {
    expect(textField(20).parse('a\r\nb')).toBe('a\nb');
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['lone CR', 'a\rb'],
    ['escape', 'a\u001bb'],
    ['DEL', 'a\u007fb'],
    ['C1 next-line', 'a\u0085b'],
  ])('refuses a %s control character', (_name, text) => {
    expect(textField(20).safeParse(text).success).toBe(false);
  });

  it('refuses a blank string and one over the limit', () => {
    expect(textField(5).safeParse('   ').success).toBe(false);
    expect(textField(5).safeParse('123456').success).toBe(false);
    expect(textField(5).safeParse(' 12345 ').success).toBe(true);
  });
});

describe('LocalizedTextSchema', () => {
  it('needs both languages', () => {
    expect(LocalizedTextSchema.safeParse({ zh: '內政部', en: 'Ministry of the Interior' }).success).toBe(
      true,
    );
    expect(LocalizedTextSchema.safeParse({ zh: '內政部' }).success).toBe(false);
    expect(LocalizedTextSchema.safeParse({ zh: '內政部', en: ' ' }).success).toBe(false);
    expect(LocalizedTextSchema.safeParse({ zh: '字'.repeat(301), en: 'x' }).success).toBe(false);
  });
});

describe('dates', () => {
  it('accepts a UTC instant and refuses an offset', () => {
    expect(IsoDateTimeSchema.safeParse('2026-03-01T08:00:00.000Z').success).toBe(true);
    expect(IsoDateTimeSchema.safeParse('2026-03-01T16:00:00+08:00').success).toBe(false);
  });

  it('accepts 29 February only in a leap year', () => {
    expect(IsoDateSchema.safeParse('2028-02-29').success).toBe(true);
    expect(IsoDateSchema.safeParse('2026-02-29').success).toBe(false);
    expect(IsoDateSchema.safeParse('2026-04-31').success).toBe(false);
    expect(IsoDateSchema.safeParse('2026-4-1').success).toBe(false);
  });
});

describe('AmountTwdSchema', () => {
  it('takes whole dollars from 0 to 100 million', () => {
    expect(AmountTwdSchema.safeParse(0).success).toBe(true);
    expect(AmountTwdSchema.safeParse(100_000_000).success).toBe(true);
    expect(AmountTwdSchema.safeParse(100_000_001).success).toBe(false);
    expect(AmountTwdSchema.safeParse(-1).success).toBe(false);
    expect(AmountTwdSchema.safeParse(10.5).success).toBe(false);
    expect(AmountTwdSchema.safeParse('10').success).toBe(false);
  });
});

describe('EmailSchema and HttpsUrlSchema', () => {
  it('trims an e-mail address and refuses a malformed one', () => {
    expect(EmailSchema.parse(' chen@example.org ')).toBe('chen@example.org');
    expect(EmailSchema.safeParse('chen@').success).toBe(false);
  });

  it('accepts only https links to a named host', () => {
    expect(HttpsUrlSchema.safeParse('https://data.gov.tw/license').success).toBe(true);
    expect(HttpsUrlSchema.safeParse('http://data.gov.tw/license').success).toBe(false);
    expect(HttpsUrlSchema.safeParse('javascript:alert(1)').success).toBe(false);
  });

  it('names a host by the same domain pattern as zod', () => {
    expect(DOMAIN_NAME.source).toBe(z.regexes.domain.source);
    expect(DOMAIN_NAME.flags).toBe(z.regexes.domain.flags);
  });
});
