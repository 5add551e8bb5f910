import { describe, expect, it } from 'vitest';
import { lineField, nameField } from '#domain/common';
import { checkExtensionTotal } from '#domain/consultation';
import { RuleViolationError } from '#domain/errors';

describe('nameField', () => {
  const name = nameField(200);

  it.each([
    '林小華',
    'Zoe\u0308 Ma\u0301rquez',
    'שרה כהן',
    '𠀋𡈽 林',
    "O'Brien-Smith",
    '國立臺灣大學 地理系',
  ])('takes %j', (text) => expect(name.safeParse(text).success).toBe(true));

  it.each([
    ['a line feed', '林\n小華'],
    ['a line separator', '林\u2028小華'],
    ['a right-to-left override', 'Sara \u202Eevil\u202C'],
    ['a left-to-right mark', '林\u200E小華'],
    ['an isolate', '林\u2066小華\u2069'],
    ['a zero-width space', '林\u200B小華'],
    ['the Arabic letter mark', 'مريم\u061C'],
    ['only zero-width joiners', '\u200D\u200D'],
    ['no letter', '12345'],
  ])('refuses %s', (_kind, text) => expect(name.safeParse(text).success).toBe(false));
});

describe('lineField', () => {
  it('takes one line and refuses a line break anywhere inside', () => {
    expect(lineField(300).safeParse('收費基準 Fee schedule').success).toBe(true);
    for (const text of ['a\nb', 'a\r\nb', 'a\u2029b'])
      expect(lineField(300).safeParse(text).success).toBe(false);
  });
});

describe('checkExtensionTotal', () => {
  const first = '2026-03-01T00:00:00.000Z';
  const at = (days: number) => new Date(Date.parse(first) + days * 86_400_000).toISOString();

  it('allows extensions up to the cap past the first closing date', () => {
    expect(() => checkExtensionTotal(first, at(180), 180)).not.toThrow();
  });

  it('refuses one beyond it, naming the latest date allowed', () => {
    expect(() => checkExtensionTotal(first, at(180).replace('.000Z', '.001Z'), 180)).toThrow(
      RuleViolationError,
    );
    let refusal: unknown;
    try {
      checkExtensionTotal(first, '9999-12-31T00:00:00Z', 180);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(RuleViolationError);
    expect((refusal as RuleViolationError).code).toBe('EXTENSION_TOO_LONG');
    expect((refusal as RuleViolationError).details[0]!.message).toContain(at(180));
  });
});
