/**
 * The one contract of a workspace form post: the handler's action runs (its use case, then where
 * the browser goes, a 303); a refusal the form can show (forms.ts, refusalOf) becomes the form's
 * page again, with the values as typed and each message by its field, under the refusal's status;
 * anything else is thrown on to the workspace's error pages (workspace-handler.ts).
 *     return formPost({ values, bilingual: true }, async () => {
 *       await withdrawFeeProposal(id, parseWith(WithdrawalInputSchema, formToBody(values, FIELDS), 'body'), principal);
 *       return seeOther(done);
 *     }, (form) => render(form.problem.status, form));
 */
import { ConflictError } from '#domain/errors';
import { refusalOf, type FormRefusal, type FormValues } from './forms.ts';
import type { HttpResult } from './types.ts';

/** The form as posted, with why it was refused (a FormState whose problem is there). */
export interface RefusedForm {
  values: FormValues;
  problem: FormRefusal;
}

export interface FormPostOptions extends NonNullable<Parameters<typeof refusalOf>[1]> {
  /** What was typed, shown again as it was ({} for a form of buttons, or one that keeps its own rows). */
  values: FormValues;
  /** A 404 is not the form's to show: the error page says what is unknown. */
  unknownIsError?: boolean;
  /** 409, the record saved by someone else since the form was read (an edit conditional on its revision). */
  changedElsewhere?: () => HttpResult;
}

export async function formPost(
  options: FormPostOptions,
  action: () => Promise<HttpResult>,
  page: (form: RefusedForm) => Promise<HttpResult> | HttpResult,
): Promise<HttpResult> {
  try {
    return await action();
  } catch (error) {
    if (options.changedElsewhere && error instanceof ConflictError) return options.changedElsewhere();
    // formPath and bilingual: the refusal's fields named as the form names them (forms.ts).
    const problem = refusalOf(error, options);
    if (!problem || (options.unknownIsError && problem.status === 404)) throw error;
    return page({ values: options.values, problem });
  }
}
