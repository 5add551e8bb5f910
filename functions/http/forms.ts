/**
 * Pages post plain HTML forms (application/x-www-form-urlencoded) to the same routes JSON clients
 * call, and a form post must end on a page. This is the one place that turns a form into the JSON
 * body the route's schema reads, and that tells a form post from a JSON call:
 * - a form's fields are named by the dotted path of the JSON field they fill (`author.name`), and
 *   each form lists its fields, so nothing else reaches the schema;
 * - an empty field is an absent one: a form sends every input, filled or not;
 * - JSON calls run exactly as before. An accepted form post ends with a 303 to the page that shows
 *   the outcome, so a reload after a comment or a license request posts nothing again; a refused one
 *   is answered by the route itself with its form again (a public form's page contract is
 *   form-refusals.ts, a workspace form's form-post.ts).
 */
import type * as z from '#domain/zod';
import { AppError } from '#domain/errors';
import { fieldMessage, labelsOf, PARSE_OPTIONS, type Bilingual } from '#domain/field-errors';
import { parseWith } from './middleware/parse-request.ts';
import type { HttpResult } from './types.ts';

/** What a form posted, field by field, as typed. */
export type FormValues = Record<string, string>;

/** Why a form post was refused, as the form shows it: one message per field it can point at. */
export interface FormRefusal {
  status: number;
  code: string;
  message: string;
  /** Dotted field name → message, for the fields the refusal names. */
  fields: Record<string, string>;
  /** Dotted field name → what is wrong with it in both languages (field-errors.ts), where known. */
  messages?: Record<string, Bilingual>;
}

const REFUSED_STATUSES = new Set([400, 404, 409, 422]);

export function isFormPost(headers: Record<string, string | undefined>): boolean {
  return (headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

/** The posted values of the listed fields; anything else the form carried is dropped. */
export function formValues(body: unknown, fields: readonly string[]): FormValues {
  const posted = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const values: FormValues = {};
  for (const field of fields) {
    const value = posted[field];
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}

/** `{'licensee.name': 'Lin', 'licensee.organization': '', purpose: 'ACADEMIC'}` → `{licensee: {name: 'Lin'}, purpose: 'ACADEMIC'}`. */
export function formToBody(values: FormValues, fields: readonly string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const path = field.split('.');
    // The object a field belongs to is there even when the field is empty, so that a missing
    // `licensee.name` is reported as that field rather than as a missing `licensee`.
    let target = body;
    for (const part of path.slice(0, -1)) {
      target[part] ??= {};
      target = target[part] as Record<string, unknown>;
    }
    const value = values[field];
    if (value !== undefined && value.trim() !== '') target[path.at(-1)!] = value;
  }
  return body;
}

/**
 * The refusal a form can show, or undefined for errors a form cannot help with (they stay JSON).
 * `bilingual`: with each field's words in both languages where the error says them, for forms
 * whose fields have no `fix` of their own (the error's words would stand in its place).
 * `formPath`: how a refused body path reads as the form's field, where the two differ.
 */
export function refusalOf(
  error: unknown,
  options: { bilingual?: boolean; formPath?: (path: string) => string } = {},
): FormRefusal | undefined {
  if (!(error instanceof AppError) || !REFUSED_STATUSES.has(error.statusCode)) return undefined;
  const fields: Record<string, string> = {};
  const messages: Record<string, Bilingual> = {};
  for (const detail of error.details) {
    const path = detail.path && (options.formPath?.(detail.path) ?? detail.path);
    if (!path || path in fields) continue;
    fields[path] = detail.message;
    if (options.bilingual && detail.messages) messages[path] = detail.messages;
  }
  return {
    status: error.statusCode,
    code: error.code,
    message: error.message,
    fields,
    ...(Object.keys(messages).length ? { messages } : {}),
  };
}

/** A public form: its field names (dotted JSON paths), and how they stand for the body. */
export interface FormSpec {
  fields: readonly string[];
  /**
   * For a form whose fields do not map one to one onto the body (rows of a list, some left
   * empty): the body it stands for, and how a refused body path reads as the form's field.
   */
  fromForm?: (body: Record<string, unknown>) => {
    body: Record<string, unknown>;
    formPath: (path: string) => string;
  };
}

/** The body a form's values stand for, and how its paths read as the form's fields. */
export function formBodyOf(values: FormValues, spec: FormSpec) {
  const posted = formToBody(values, spec.fields);
  return spec.fromForm?.(posted) ?? { body: posted, formPath: (p: string) => p };
}

export interface JsonOrFormSpec<T, R> extends FormSpec {
  /** The route's body schema: the same for a JSON body and for the body a form stands for. */
  schema: z.ZodMiniType<T>;
  /** The use case, run once whichever way the request came. */
  run: (input: T) => Promise<R>;
  /** The answer to a JSON client, as the route has always given it. */
  json: (result: R, input: T) => HttpResult;
  /** Where a browser goes once it is done: the page with the outcome (a 303 to it). */
  accepted: (result: R, input: T) => string;
}

/** A refusal is thrown either way: the route's page contract shows a form post its form again. */
export async function jsonOrForm<T, R>(
  request: { headers: Record<string, string | undefined>; body: unknown },
  spec: JsonOrFormSpec<T, R>,
): Promise<HttpResult> {
  if (!isFormPost(request.headers)) {
    const input = parseWith(spec.schema, request.body, 'body');
    return spec.json(await spec.run(input), input);
  }
  const input = parseWith(spec.schema, formBodyOf(formValues(request.body, spec.fields), spec).body, 'body');
  return seeOther(spec.accepted(await spec.run(input), input));
}

/** 303 See Other: after a form post, the browser fetches the page with GET (a reload posts nothing). */
export const seeOther = (location: string): HttpResult => ({ status: 303, headers: { location } });

/**
 * What is wrong with each field of a posted form, in both languages: the form's body parsed again
 * with the route's schema. `formPath` maps a body path back to its form field.
 */
export function fieldMessagesOf(
  schema: z.ZodMiniType,
  body: unknown,
  formPath: (path: string) => string = (p) => p,
): Record<string, Bilingual> {
  const result = schema.safeParse(body, PARSE_OPTIONS);
  if (result.success) return {};
  const messages: Record<string, Bilingual> = {};
  for (const issue of result.error.issues) {
    const field = fieldMessage(issue, labelsOf(schema));
    messages[formPath(field.path)] ??= field.message;
  }
  return messages;
}
