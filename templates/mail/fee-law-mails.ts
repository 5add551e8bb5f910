/** Mails about a schedule after its vote: the reminder of its review-by date. */
import { inEnglish, type AgencyText } from '../agency-text.ts';
import type { RenderedMail } from './format.ts';
import { taipeiDay } from '../taipei-time.ts';

export interface ReviewReminderMailView {
  proposal: { id: string; title: AgencyText };
  /** YYYY-MM-DD. */
  reviewBy: string;
  proposalUrl: string;
}

export function reviewReminderMail(input: ReviewReminderMailView): RenderedMail {
  const { proposal } = input;
  const reviewBy = taipeiDay(input.reviewBy);
  return {
    subject: `收費基準檢討期限將屆：${proposal.title.zh} / Fee schedule due for review by ${reviewBy.en}: ${inEnglish(proposal.title)}`,
    text: `貴機關「${proposal.title.zh}」收費基準（提案編號 ${proposal.id}）應於 ${reviewBy.zh} 前重新檢討（規費法第 11 條）。屆期未檢討者，本服務將於該日起標示為「待檢討」。如擬修正，請提出新的收費基準提案並辦理公開徵詢。

${input.proposalUrl}

---
Your agency's fee schedule "${inEnglish(proposal.title)}" (proposal ${proposal.id}) is to be reviewed by ${reviewBy.en} (Fees Act, art. 11). From that date the service marks it as due for review. To revise it, file a new fee proposal, which goes to public consultation.

${input.proposalUrl}
`,
  };
}
