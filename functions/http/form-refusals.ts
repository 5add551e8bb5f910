/**
 * The page contract of a route that a public page's form posts to, as JSON clients do: a refused
 * form post (400, 404, 409, 422) is answered by the route itself, with the refusal's status, by its
 * form again — what was typed, what is wrong with each field in both languages, the error summary
 * at the top. No redirect, no second route: the route bundles the form's page (kept light for that),
 * not the page the form sits on. A JSON call keeps the api.md body.
 */
import type * as z from '#domain/zod';
import type { FormState } from '#templates/pages/form-fields';
import { fieldMessagesOf, formBodyOf, formValues, isFormPost, refusalOf, type FormSpec } from './forms.ts';
import { readBody } from './middleware/parse-request.ts';
import type { PageErrors } from './middleware/error-body.ts';
import { pageErrors, type ErrorPageRequest, type PageContract } from './page-errors.ts';

export interface FormRefusalSpec extends FormSpec {
  /** The route's body schema, which says what is wrong with each field in both languages. */
  schema: z.ZodMiniType;
  /** The form again as posted with its refusal, as the page the browser gets. */
  page: (form: FormState, request: ErrorPageRequest) => Promise<string> | string;
  /** The subject of the page when what the form names is not known (a draft proposal, a dataset). */
  notFound?: PageContract['notFound'];
}

/** Only a form post gets a page: a JSON call, or one that says no type at all, keeps the JSON body. */
export function formRefusals(spec: FormRefusalSpec): PageErrors {
  const pages = pageErrors({
    audience: 'forms',
    ...(spec.notFound ? { notFound: spec.notFound } : {}),
    refused: (error, request) => {
      const values = formValues(readBody(request.event), spec.fields);
      const { body, formPath } = formBodyOf(values, spec);
      const refusal = refusalOf(error, { formPath });
      if (!refusal) return undefined;
      const messages = fieldMessagesOf(spec.schema, body, formPath);
      return spec.page({ values, problem: { ...refusal, messages } }, request);
    },
  });
  return (error, event) => (isFormPost(event.headers) ? pages(error, event) : undefined);
}
