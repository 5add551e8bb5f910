// Formatting of money and free text for printed documents; dates and times come from ../taipei-time.ts.

/** NT$ 1,234 — fees are whole New Taiwan dollars. */
export function formatTwd(amount: number): string {
  if (!Number.isFinite(amount)) throw new RangeError(`not an amount: ${amount}`);
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.round(Math.abs(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}NT$ ${digits}`;
}

/**
 * Makes user-supplied text safe to lay out: lone UTF-16 surrogates (from truncated input) become U+FFFD,
 * CR/LF pairs become LF, and control characters other than LF and tab are dropped, because the font has
 * no glyphs for them and they carry no meaning on paper. NFC composes decomposed accents (e + U+0301),
 * since the font has precomposed letters but no combining marks.
 */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, ''); // eslint-disable-line no-control-regex
}
