/** Workflow step "Wait for the consultation to close": parks the token and schedules the closing deadline. */
import { awaitConsultationClose } from '#usecases/await-consultation-close';
import * as z from '#domain/zod';
import { ReviewTaskInput, reviewTask } from './task.ts';

export const handler = reviewTask(
  'await-consultation-close',
  z.required(ReviewTaskInput, { taskToken: true }),
  awaitConsultationClose,
);
