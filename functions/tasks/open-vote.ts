/** Workflow step "Open the advisory vote": ballots, personal links and the review packet mails. */
import { openVote } from '#usecases/open-vote';
import { ReviewTaskInput, reviewTask } from './task.ts';

export const handler = reviewTask('open-vote', ReviewTaskInput, openVote);
