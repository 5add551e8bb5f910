// Formatting of dates, money and free text for printed documents. Dates are shown in Taiwan time (UTC+8,
// no daylight saving since 1979), computed by offset so output never depends on the host's time zone or ICU.

const TAIPEI_OFFSET_MS = 8 * 60 * 60 * 1000;

// Shifted so the UTC getters read Taiwan wall-clock time.
const taipei = (iso: string): Date => new Date(parseDate(iso).getTime() + TAIPEI_OFFSET_MS);

const pad = (n: number) => String(n).padStart(2, '0');

/** Parses an ISO date-time, rejecting garbage early rather than printing "Invalid Date". */
export function parseDate(iso: string): Date {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO 8601 date-time: ${JSON.stringify(iso)}`);
  return new Date(ms);
}

/** 2025-03-01 */
export function formatDate(iso: string): string {
  const d = taipei(iso);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** 2025-03-01 14:05 (Taiwan time) */
export function formatDateTime(iso: string): string {
  const d = taipei(iso);
  return `${formatDate(iso)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * 2025-03-01（民國114年）: an AD date with the Republic of China year beside it, so that a document
 * keeps one calendar system throughout (the reports and decision records use these).
 */
export function formatDateAdRoc(iso: string): string {
  return `${formatDate(iso)}（民國${taipei(iso).getUTCFullYear() - 1911}年）`;
}

/** 2025-03-01（民國114年）14:05, Taiwan time. */
export function formatDateTimeAdRoc(iso: string): string {
  const d = taipei(iso);
  return `${formatDateAdRoc(iso)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** 民國114年3月1日: Republic of China era dates are what Taiwanese public documents print. */
export function formatRocDate(iso: string): string {
  const d = taipei(iso);
  return `民國${d.getUTCFullYear() - 1911}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

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
