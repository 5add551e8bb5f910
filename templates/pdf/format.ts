// Free text made safe to print; money comes from ../format.ts, dates and times from ../taipei-time.ts.

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
