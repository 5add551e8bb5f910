/** Workflow step "Record that the review stopped": the audit trail says which step failed and why. */
import * as z from 'zod';
import { recordReviewFailure } from '#usecases/review-steps';
import { ReviewTaskInput, reviewTask } from './task.ts';

const Input = ReviewTaskInput.extend({
  failure: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).loose().optional(),
});

export const handler = reviewTask('record-review-failure', Input, recordReviewFailure);
