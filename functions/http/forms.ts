/**
 * Pages post plain HTML forms (application/x-www-form-urlencoded) to the same routes JSON clients
 * call, and a form post must end on a page. This is the one place that turns a form into the JSON
 * body the route's schema reads, and that tells a form post from a JSON call:
 * - a form's fields are named by the dotted path of the JSON field they fill (`author.name`), and
 *   each form lists its fields, so nothing else reaches the schema;
 * - an empty field is an absent one: a form sends every input, filled or not;
 * - JSON calls run exactly as before; a form post that the service refuses (400, 404, 409, 422)
 *   is answered with the form again, the message next to its field and the values kept.
 */
import type * as z from 'zod';
import { AppError } from '#domain/errors';
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

/** The refusal a form can show, or undefined for errors a form cannot help with (they stay JSON). */
export function refusalOf(error: unknown): FormRefusal | undefined {
  if (!(error instanceof AppError) || !REFUSED_STATUSES.has(error.statusCode)) return undefined;
  const fields: Record<string, string> = {};
  for (const detail of error.details) {
    if (detail.path && !(detail.path in fields)) fields[detail.path] = detail.message;
  }
  return { status: error.statusCode, code: error.code, message: error.message, fields };
}

export interface JsonOrFormSpec<T, R> {
  /** The route's body schema: the same for a JSON body and for the body a form stands for. */
  schema: z.ZodType<T>;
  /** The form's field names (dotted JSON paths). */
  fields: readonly string[];
  /** The use case, run once whichever way the request came. */
  run: (input: T) => Promise<R>;
  /** The answer to a JSON client, as the route has always given it. */
  json: (result: R, input: T) => HttpResult;
  /** The answer to a browser: a page, or a 303 to one. */
  page: (result: R, input: T) => HttpResult | Promise<HttpResult>;
  /** The form again, with the refusal and what was typed. */
  refused: (refusal: FormRefusal, values: FormValues) => HttpResult | Promise<HttpResult>;
}

export async function jsonOrForm<T, R>(
  request: { headers: Record<string, string | undefined>; body: unknown },
  spec: JsonOrFormSpec<T, R>,
): Promise<HttpResult> {
  if (!isFormPost(request.headers)) {
    const input = parseWith(spec.schema, request.body, 'body');
    return spec.json(await spec.run(input), input);
  }
  const values = formValues(request.body, spec.fields);
  try {
    const input = parseWith(spec.schema, formToBody(values, spec.fields), 'body');
    return await spec.page(await spec.run(input), input);
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    return spec.refused(refusal, values);
  }
}

/** 303 See Other: after a form post, the browser fetches the page with GET (a reload posts nothing). */
export const seeOther = (location: string): HttpResult => ({ status: 303, headers: { location } });
