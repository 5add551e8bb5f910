/** Workflow step "Wait for every comment to be answered": released by the last disposition. */
import { awaitDispositions } from '#usecases/await-dispositions';
import * as z from '#domain/zod';
import { ReviewTaskInput, reviewTask } from './task.ts';

export const handler = reviewTask(
  'await-dispositions',
  z.required(ReviewTaskInput, { taskToken: true }),
  awaitDispositions,
);
