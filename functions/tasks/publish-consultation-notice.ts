/** Workflow step "Publish the consultation notice": mails the agency the public notice of §154 contents. */
import { publishConsultationNotice } from '#usecases/publish-consultation-notice';
import { ReviewTaskInput, reviewTask } from './task.ts';

export const handler = reviewTask('publish-consultation-notice', ReviewTaskInput, publishConsultationNotice);
