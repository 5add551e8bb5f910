/** Workflow step "Continue the review in a new execution": a wait reached its bound; the review goes on. */
import * as z from '#domain/zod';
import { REVIEW_PHASES } from '#domain/review-phase';
import { continueReview } from '#usecases/continue-review';
import { ReviewTaskInput, reviewTask } from './task.ts';

const Input = z.extend(ReviewTaskInput, {
  /** `$$.Execution.Input`: the execution being continued. */
  execution: z.object({
    proposalId: z.string().check(z.minLength(1)),
    version: z.int().check(z.gte(1)),
    round: z.int().check(z.gte(1)),
    startWith: z.optional(z.enum(REVIEW_PHASES)),
    attempt: z.optional(z.int().check(z.gte(1))),
    part: z.optional(z.int().check(z.gte(1))),
  }),
  phase: z.enum(REVIEW_PHASES),
});

export const handler = reviewTask('continue-review', Input, continueReview);
