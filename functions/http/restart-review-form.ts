/**
 * POST /operator/reviews/{id}/restart: the console's confirmed restart of a stopped review, with
 * the operator's reason (restartReview, as POST /fee-proposals/{id}/review/restart). Recorded →
 * 303 to the review's page, which shows it running; refused (no reason, no longer stopped) → the
 * review's page with its status, the reason as typed and the message by its field.
 */
import { RestartInputSchema } from '#domain/review-restart';
import { restartReview } from '#usecases/restart-review';
import { reviewStanding } from '#usecases/stopped-reviews';
import { operatorReviewPage, reviewPath, RESTART_REASON } from '#templates/pages/operator-review';
import { FormBody } from './form-body.ts';
import { formPost } from './form-post.ts';
import { fieldMessagesOf, formToBody, formValues, seeOther } from './forms.ts';
import { parseWith } from './middleware/parse-request.ts';
import { IdParam } from './path-params.ts';
import { frameOf, workspaceHandler } from './workspace-handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

const FIELDS = [RESTART_REASON.name] as const;

export const handler = workspaceHandler(
  { access: 'workspace-operator', params: IdParam, body: FormBody },
  async ({ params, body, session, principal }) => {
    const values = formValues(body, FIELDS);
    const posted = formToBody(values, FIELDS);
    return formPost(
      { values, unknownIsError: true },
      async () => {
        await restartReview(params.id, parseWith(RestartInputSchema, posted, 'body'), principal);
        return seeOther(`${reviewPath(params.id)}?done=restart`);
      },
      async ({ problem }) =>
        workspacePageResult(
          problem.status,
          operatorReviewPage({
            frame: frameOf(session),
            standing: await reviewStanding(params.id),
            refused: {
              values,
              problem: { ...problem, messages: fieldMessagesOf(RestartInputSchema, posted) },
            },
          }),
        ),
    );
  },
);
