/** POST /fee-proposals/{id}/steps: the agency records a step of 規費法 §10 after a favourable vote. */
import { FeeLawStepInputSchema } from '#domain/fee-law-steps';
import { recordFeeLawStep } from '#usecases/record-fee-law-step';
import { bearerHandler } from './bearer-handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';

export const handler = bearerHandler(
  { access: 'agency', params: IdParam, body: FeeLawStepInputSchema },
  async ({ params, body, principal }) => {
    const proposal = await recordFeeLawStep(params.id, body, principal);
    return json(200, {
      id: proposal.id,
      status: proposal.status,
      effectiveFrom: proposal.effectiveFrom,
      ...(proposal.reviewBy ? { reviewBy: proposal.reviewBy } : {}),
      feeLawSteps: proposal.feeLawSteps ?? [],
    });
  },
);
