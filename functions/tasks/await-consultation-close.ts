/** Workflow step "Wait for the consultation to close": parks the token and schedules the closing deadline. */
import { awaitConsultationClose } from '#usecases/review-steps';
import { ReviewTaskInput, reviewTask } from './task.ts';

export const handler = reviewTask(
  'await-consultation-close',
  ReviewTaskInput.required({ taskToken: true }),
  awaitConsultationClose,
);
