/**
 * The one home of what a refused field says, in Traditional Chinese and English: a zod issue
 * becomes a message by its code, naming the field by its label. Labels live with the schemas
 * (each domain module registers its body schema's labels with `labelFields`), so the JSON error
 * body, a form's error summary and the message next to each field all say the same words.
 *
 * A rule's own message (a `refine`, a check given its own words, a regex that says what it wants)
 * is kept as the English, since it says more than the code can; its Chinese is the refinement's
 * `params.zh` where the schema gives one, otherwise a general sentence naming the field.
 */
import * as z from './zod.ts';

export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * Field labels of one body schema by dotted path; `*` stands for any array index
 * (`items.*.amountTwd`). A path without a label of its own takes its nearest labelled parent's.
 */
export type FieldLabels = Record<string, Bilingual>;

/** The parse options under which issues carry what field-errors needs. */
export const PARSE_OPTIONS = { reportInput: true } as const;

const labelRegistry = /* @__PURE__ */ z.registry<{ labels: FieldLabels }>();

/**
 * Registers the labels of a body schema's fields; returns the schema. Its calls carry the pure mark
 * like every schema the domain builds (zod.ts says why), so a bundle drops a schema it never uses,
 * labels and all. That is safe only when the call wraps the schema
 * (`export const X = labelFields(z.object(…), LABELS)`): a statement of its own, so marked, would be
 * dropped from every bundle while the unit tests (which do not bundle) still saw the labels, so lint
 * refuses one (eslint.config.js).
 */
export function labelFields<S extends z.ZodMiniType>(schema: S, labels: FieldLabels): S {
  labelRegistry.add(schema, { labels });
  return schema;
}

export const labelsOf = (schema: z.ZodMiniType): FieldLabels => labelRegistry.get(schema)?.labels ?? {};

/** The label of a field at `path` (`['items', 0, 'name']`): its own, or its nearest labelled parent's. */
export function labelAt(labels: FieldLabels, path: readonly PropertyKey[]): Bilingual | undefined {
  for (let end = path.length; end > 0; end--) {
    const key = path
      .slice(0, end)
      .map((p) => (typeof p === 'number' ? '*' : String(p)))
      .join('.');
    if (labels[key]) return labels[key];
  }
  return undefined;
}

/** A field's label as a sentence names it when the schema gives none: its last path part. */
const fallbackLabel = (path: readonly PropertyKey[]): Bilingual => {
  const last = [...path].reverse().find((p) => typeof p === 'string');
  const name = last === undefined ? '' : String(last);
  return name ? { zh: name, en: name } : { zh: '內容', en: 'The request' };
};

/**
 * Whether the issue carries a message of the schema's own rather than zod's wording: neither zod's
 * default nor the message of a locale that something else in the process registered. zod keeps its
 * configuration on globalThis, and a module that imports the classic `zod` registers English there
 * (the local runtime and the tests load such modules), so zod may word an issue though we do not.
 */
function hasOwnMessage(issue: z.core.$ZodIssue): boolean {
  if (issue.message === z.DEFAULT_MESSAGE) return false;
  const worded = z.config().localeError?.(issue as never);
  return issue.message !== (typeof worded === 'string' ? worded : worded?.message);
}

const TYPE_NAMES: Record<string, Bilingual> = {
  string: { zh: '文字', en: 'text' },
  number: { zh: '數字', en: 'a number' },
  int: { zh: '整數', en: 'a whole number' },
  boolean: { zh: '是或否', en: 'true or false' },
  object: { zh: '一組欄位', en: 'a group of fields' },
  array: { zh: '清單', en: 'a list' },
  date: { zh: '日期', en: 'a date' },
};
const typeName = (t: string): Bilingual => TYPE_NAMES[t] ?? { zh: t, en: t };

const FORMAT_NAMES: Record<string, Bilingual> = {
  email: { zh: '電子郵件地址', en: 'an e-mail address' },
  url: { zh: '網址', en: 'a web address' },
  datetime: { zh: '日期時間（ISO 8601，例如 2026-12-01T09:00:00Z）', en: 'an ISO 8601 date and time' },
  date: { zh: '日期（YYYY-MM-DD）', en: 'a date (YYYY-MM-DD)' },
};

const list = (values: readonly unknown[]) => values.map((v) => String(v)).join('、');
const listEn = (values: readonly unknown[]) => values.map((v) => String(v)).join(', ');

/** What the field must be, by the issue's code, both languages, the field named by `label`. */
function byCode(issue: z.core.$ZodIssue, label: Bilingual): Bilingual {
  const { zh: name, en: nameEn } = label;
  if ('input' in issue && issue.input === undefined && issue.code !== 'custom')
    return issue.code === 'invalid_value'
      ? { zh: `請選擇「${name}」。`, en: `${nameEn}: choose one.` }
      : { zh: `請填寫「${name}」。`, en: `${nameEn} is required.` };
  switch (issue.code) {
    case 'invalid_type': {
      const type = typeName(issue.expected);
      return { zh: `「${name}」須為${type.zh}。`, en: `${nameEn} must be ${type.en}.` };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      const exclusive = issue.inclusive === false;
      if (issue.origin === 'string')
        return min <= 1 && !exclusive
          ? { zh: `請填寫「${name}」。`, en: `${nameEn} must not be empty.` }
          : { zh: `「${name}」至少須有 ${min} 個字。`, en: `${nameEn} needs at least ${min} characters.` };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { zh: `「${name}」至少須有 ${min} 項。`, en: `${nameEn} needs at least ${min} entries.` };
      return exclusive
        ? { zh: `「${name}」須大於 ${min}。`, en: `${nameEn} must be more than ${min}.` }
        : { zh: `「${name}」不得小於 ${min}。`, en: `${nameEn} must be at least ${min}.` };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      const exclusive = issue.inclusive === false;
      if (issue.origin === 'string')
        return { zh: `「${name}」最多 ${max} 個字。`, en: `${nameEn} takes at most ${max} characters.` };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { zh: `「${name}」最多 ${max} 項。`, en: `${nameEn} takes at most ${max} entries.` };
      return exclusive
        ? { zh: `「${name}」須小於 ${max}。`, en: `${nameEn} must be less than ${max}.` }
        : { zh: `「${name}」不得大於 ${max}。`, en: `${nameEn} must be at most ${max}.` };
    }
    case 'invalid_format': {
      const format = FORMAT_NAMES[issue.format];
      return format
        ? { zh: `「${name}」須為${format.zh}。`, en: `${nameEn} must be ${format.en}.` }
        : { zh: `「${name}」的格式不符。`, en: `${nameEn} is not in the expected format.` };
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? { zh: `「${name}」須為 ${list(issue.values)}。`, en: `${nameEn} must be ${listEn(issue.values)}.` }
        : {
            zh: `請從以下選一項填入「${name}」：${list(issue.values)}。`,
            en: `${nameEn} must be one of ${listEn(issue.values)}.`,
          };
    case 'not_multiple_of':
      return {
        zh: `「${name}」須為 ${issue.divisor} 的倍數。`,
        en: `${nameEn} must be a multiple of ${issue.divisor}.`,
      };
    case 'unrecognized_keys':
      return {
        zh: `「${name}」含有不認得的欄位：${list(issue.keys)}。`,
        en: `${nameEn} has fields this service does not know: ${listEn(issue.keys)}.`,
      };
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return { zh: `「${name}」的內容不符規定。`, en: `${nameEn} is not valid.` };
    case 'custom':
    default:
      return { zh: `「${name}」不符規定。`, en: `${nameEn} is not valid.` };
  }
}

/** One refused field, as every error body and form shows it. */
export interface FieldMessage {
  path: string;
  label: Bilingual;
  message: Bilingual;
}

/**
 * A zod issue as a field message in both languages. Parse with `{ reportInput: true }`
 * (PARSE_OPTIONS), so that the issue tells a missing field from a wrong one.
 */
export function fieldMessage(issue: z.core.$ZodIssue, labels: FieldLabels = {}): FieldMessage {
  const label = labelAt(labels, issue.path) ?? fallbackLabel(issue.path);
  const generated = byCode(issue, label);
  const own = issue.code === 'custom' || hasOwnMessage(issue) ? issue.message : undefined;
  if (own === undefined) return { path: issue.path.map(String).join('.'), label, message: generated };
  // The code still says the Chinese well, except for a refinement, which says it in `params.zh`.
  const zh =
    issue.code === 'custom'
      ? ((issue.params as { zh?: unknown } | undefined)?.zh ?? `「${label.zh}」不符規定（見英文說明）。`)
      : generated.zh;
  const message: Bilingual = { zh: String(zh), en: `${label.en}: ${own}` };
  return { path: issue.path.map(String).join('.'), label, message };
}
