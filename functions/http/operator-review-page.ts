/** GET /operator/reviews/{id}: one review in the operator console; a stopped one offers its restart. */
import * as z from '#domain/zod';
import { reviewStanding } from '#usecases/stopped-reviews';
import { operatorReviewPage } from '#templates/pages/operator-review';
import { IdParam } from './path-params.ts';
import { frameOf, workspaceGetHandler } from './workspace-handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

/** `?done=restart`: the restart was just recorded (a notice on top); anything else is ignored. */
const Query = z.object({ done: z.optional(z.string()) });

export const handler = workspaceGetHandler(
  { access: 'workspace-operator', params: IdParam, query: Query },
  async ({ params, query, session }) =>
    workspacePageResult(
      200,
      operatorReviewPage({
        frame: frameOf(session),
        standing: await reviewStanding(params.id),
        restarted: query.done === 'restart',
      }),
    ),
);
