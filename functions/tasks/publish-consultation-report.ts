/** Workflow step "Publish the consultation report": JSON + PDF, then AWAITING_RESPONSES → UNDER_REVIEW. */
import { publishConsultationReport } from '#usecases/publish-consultation-report';
import { ReviewTaskInput, reviewTask } from './task.ts';

export const handler = reviewTask('publish-consultation-report', ReviewTaskInput, publishConsultationReport);
