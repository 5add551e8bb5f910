/** Workflow step "Close the consultation": IN_CONSULTATION → AWAITING_RESPONSES and tell the agency what to answer. */
import { closeConsultation } from '#usecases/close-consultation';
import { ReviewTaskInput, reviewTask } from './task.ts';

export const handler = reviewTask('close-consultation', ReviewTaskInput, closeConsultation);
