import { describe, expect, it } from 'vitest';
import { homeOf, isLive, safeReturnPath, SESSION_HOURS, sessionExpiry } from '#domain/session';

describe('safeReturnPath', () => {
  it.each(['/agency', '/agency/proposals?status=DRAFT', '/operator#accounts'])('keeps %s', (path) => {
    expect(safeReturnPath(path)).toBe(path);
  });

  it.each([
    undefined,
    '',
    'agency',
    '//evil.example/x',
    '/\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '/agency\nLocation: x',
    `/${'x'.repeat(600)}`,
  ])('drops %s, which would leave the site or break the header', (path) => {
    expect(safeReturnPath(path)).toBeUndefined();
  });
});

describe('a session’s lifetime', () => {
  it(`lasts ${SESSION_HOURS} hours from sign-in and not a millisecond more`, () => {
    const signedIn = new Date('2026-12-01T01:00:00.000Z');
    const session = { expiresAt: sessionExpiry(signedIn).toISOString() };
    expect(isLive(session, new Date(signedIn.getTime() + SESSION_HOURS * 3_600_000 - 1))).toBe(true);
    expect(isLive(session, new Date(signedIn.getTime() + SESSION_HOURS * 3_600_000))).toBe(false);
  });
});

describe('homeOf', () => {
  it('sends an operator to the console and everyone else to the agency workspace', () => {
    expect(homeOf({ sub: 'o', roles: ['operator'] })).toBe('/operator');
    expect(homeOf({ sub: 'a', roles: ['agency'], agencyId: 'moi' })).toBe('/agency');
  });
});
