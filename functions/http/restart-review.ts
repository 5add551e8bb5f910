import { RestartInputSchema } from '#domain/review-restart';
import { restartReview } from '#usecases/restart-review';
import { bearerHandler } from './bearer-handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';

export const handler = bearerHandler(
  { access: 'operator', params: IdParam, body: RestartInputSchema },
  async ({ params, body, principal }) => json(202, await restartReview(params.id, body, principal)),
);
