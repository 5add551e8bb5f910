/** Workflow step "Wait for every comment to be answered": released by the last disposition. */
import { awaitDispositions } from '#usecases/review-steps';
import { ReviewTaskInput, reviewTask } from './task.ts';

export const handler = reviewTask(
  'await-dispositions',
  ReviewTaskInput.required({ taskToken: true }),
  awaitDispositions,
);
