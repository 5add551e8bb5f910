import { RestartInputSchema } from '#domain/review-restart';
import { restartReview } from '#usecases/restart-review';
import { httpHandler } from './handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';

export const handler = httpHandler(
  { access: 'operator', params: IdParam, body: RestartInputSchema },
  async ({ params, body, principal }) => json(202, await restartReview(params.id, body, principal)),
);
