/** Workflow step "Wait for the vote to be decided": released when the tally is certain or at the deadline. */
import { awaitVote } from '#usecases/await-vote';
import { ReviewTaskInput, reviewTask } from './task.ts';

export const handler = reviewTask('await-vote', ReviewTaskInput.required({ taskToken: true }), awaitVote);
