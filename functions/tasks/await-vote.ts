/** Workflow step "Wait for the vote to be decided": released when the tally is certain or at the deadline. */
import { awaitVote } from '#usecases/await-vote';
import * as z from '#domain/zod';
import { ReviewTaskInput, reviewTask } from './task.ts';

export const handler = reviewTask('await-vote', z.required(ReviewTaskInput, { taskToken: true }), awaitVote);
