/** Workflow step "Record that the review stopped": the audit trail says which step failed and why. */
import * as z from '#domain/zod';
import { recordReviewFailure } from '#usecases/record-review-failure';
import { ReviewTaskInput, reviewTask } from './task.ts';

const Input = z.extend(ReviewTaskInput, {
  /** `$$.Execution.Name`: which execution stopped, as the restart checks. */
  execution: z.optional(z.string()),
  failure: z.optional(z.looseObject({ Error: z.optional(z.string()), Cause: z.optional(z.string()) })),
});

export const handler = reviewTask('record-review-failure', Input, recordReviewFailure);
