/**
 * Field schemas shared by every record of the domain. Each one states a rule of the HTTP contract
 * once, so that a handler, the OpenAPI document and the storage layer cannot disagree about it.
 */
import * as z from './zod.ts';

/**
 * C0 controls except tab and line feed, DEL, and C1 controls. Free text ends up in PDFs, e-mails and
 * HTML; invisible control characters there are at best noise and at worst header or layout injection.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** True when `text` holds a control character other than `\n` and `\t`. */
export function hasForbiddenControlCharacter(text: string): boolean {
  return FORBIDDEN_CONTROL.test(text);
}

/**
 * A trimmed, non-empty string of at most `max` characters without control characters.
 * Browsers submit textareas with CRLF line ends, so `\r\n` becomes `\n` before the check; a lone
 * `\r` is still refused.
 */
export function textField(max: number) {
  return z.string().check(
    z.overwrite((s) => s.replace(/\r\n/g, '\n')),
    z.trim(),
    z.minLength(1, 'Must not be empty.'),
    z.maxLength(max, `At most ${max} characters.`),
    z.refine((s) => !hasForbiddenControlCharacter(s), 'Must not contain control characters.'),
  );
}

/** Like {@link textField} but may be empty; absent becomes `''`. */
export function optionalTextField(max: number) {
  return z._default(
    z.string().check(
      z.overwrite((s) => s.replace(/\r\n/g, '\n')),
      z.trim(),
      z.maxLength(max, `At most ${max} characters.`),
      z.refine((s) => !hasForbiddenControlCharacter(s), 'Must not contain control characters.'),
    ),
    '',
  );
}

/**
 * Ids chosen by the caller at creation, or the ids agencies already have: official agency codes
 * (機關代碼, e.g. `301000000A`) and data.gov.tw dataset ids (e.g. `6564`) are ids as they are. Safe in
 * URLs, keys and file names as they are; case counts (`MOI` and `moi` are two ids).
 */
const ID_RULE =
  'Use 1 to 64 letters, digits or hyphens, not starting with a hyphen (e.g. 301000000A, 6564, moi-nlsc).';
/** The length is said as well as the pattern so that a form reads its `maxlength` (field-limits.ts). */
export const IdSchema = /* @__PURE__ */ z
  .string()
  .check(
    /* @__PURE__ */ z.maxLength(64, { error: ID_RULE, abort: true }),
    /* @__PURE__ */ z.regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/, ID_RULE),
  );
export type Id = z.infer<typeof IdSchema>;

const LINE_BREAK = /[\n\u2028\u2029]/;
/**
 * Characters that steer or hide text without being drawn: the bidirectional embeddings, overrides,
 * isolates and marks, and the zero-width ones. In a name they reverse or split what a reader sees
 * on a certificate or a page.
 */
const INVISIBLE_FORMAT = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;

/** Like {@link textField}, on one line: for texts that end up in a mail subject or a heading. */
export function lineField(max: number) {
  return textField(max).check(z.refine((s) => !LINE_BREAK.test(s), 'Must be a single line.'));
}

/** A person's or an organisation's name: one line, with at least one letter, nothing invisible. */
export function nameField(max: number) {
  return lineField(max).check(
    z.refine(
      (s) => !INVISIBLE_FORMAT.test(s),
      'Must not contain invisible direction or zero-width characters.',
    ),
    z.refine((s) => /\p{L}/u.test(s), 'Must contain at least one letter.'),
  );
}

/** Every public text is published in both Traditional Chinese and English. */
export const LocalizedTextSchema = /* @__PURE__ */ z.object({
  zh: /* @__PURE__ */ textField(300),
  en: /* @__PURE__ */ textField(300),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/**
 * A language the service speaks: the key of a LocalizedText. Stored with an action (a comment, a
 * license request) as the language its author read the page in, so that mails about it use it.
 */
export type Lang = keyof LocalizedText;

/** A title in both languages, each on one line (titles head mail subjects). */
export const LocalizedTitleSchema = /* @__PURE__ */ z.object({
  zh: /* @__PURE__ */ lineField(300),
  en: /* @__PURE__ */ lineField(300),
});

/**
 * A text the agency writes: Traditional Chinese required, English optional. Where no English was
 * given, pages, mails and PDFs show the Chinese alone (templates/agency-text.ts says how).
 */
export const AgencyTextSchema = /* @__PURE__ */ z.object({
  zh: /* @__PURE__ */ textField(300),
  en: /* @__PURE__ */ z.optional(/* @__PURE__ */ textField(300)),
});
export type AgencyText = z.infer<typeof AgencyTextSchema>;

/** Like {@link AgencyTextSchema}, each language on one line (titles head mail subjects). */
export const AgencyTitleSchema = /* @__PURE__ */ z.object({
  zh: /* @__PURE__ */ lineField(300),
  en: /* @__PURE__ */ z.optional(/* @__PURE__ */ lineField(300)),
});

/** An instant in UTC (`Z` suffix; offsets are refused so that stored strings sort by time). */
export const IsoDateTimeSchema = /* @__PURE__ */ z.isoDateTime();
export type IsoDateTime = z.infer<typeof IsoDateTimeSchema>;

/** A calendar date `YYYY-MM-DD` that exists (zod checks month lengths and leap years). */
export const IsoDateSchema = /* @__PURE__ */ z.isoDate();
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** Money is whole New Taiwan dollars; the cap keeps every sum of amounts a safe integer. */
export const MAX_AMOUNT_TWD = 100_000_000;
export const AmountTwdSchema = /* @__PURE__ */ z
  .int()
  .check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(MAX_AMOUNT_TWD));
export type AmountTwd = z.infer<typeof AmountTwdSchema>;

/** Surrounding blanks are forgiven (copy-paste); the address itself keeps the case it was given. */
export const EmailSchema = /* @__PURE__ */ z.pipe(
  /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.maxLength(254)),
  /* @__PURE__ */ z.email(),
);
export type Email = z.infer<typeof EmailSchema>;

/**
 * A domain name (labels of letters, digits and inner hyphens; a top-level label of letters): the same
 * pattern as zod's `regexes.domain`, written here because reaching it through `z.regexes` bundles
 * zod's whole table of patterns (≈ 5 KB) into every handler.
 */
export const DOMAIN_NAME = /^(?=.{1,253}$)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;

/** A link published to the public; plain http is refused so published pages never mix content. */
export const HttpsUrlSchema = /* @__PURE__ */ z
  .url({ protocol: /^https$/, hostname: DOMAIN_NAME })
  .check(/* @__PURE__ */ z.maxLength(2000));
export type HttpsUrl = z.infer<typeof HttpsUrlSchema>;
