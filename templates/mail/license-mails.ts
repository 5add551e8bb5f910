/** Mails to a licensee (a member of the public): the link that confirms their address. */
import type { Purpose } from '../../functions/domain/fee-proposal.ts';
import { PURPOSE_LABELS } from '../vote-labels.ts';
import type { RenderedMail } from './format.ts';
import { taipeiMoment } from '../taipei-time.ts';

export function licenseConfirmationMail(input: {
  datasetTitle: { zh: string; en: string };
  licensee: { name: string; organization?: string };
  purpose: Purpose;
  confirmUrl: string;
  expiresAt: string;
}): RenderedMail {
  const holder = input.licensee.organization
    ? `${input.licensee.name}（${input.licensee.organization}）`
    : input.licensee.name;
  const purpose = PURPOSE_LABELS[input.purpose];
  return {
    subject: '請確認您的資料授權申請 / Please confirm your data license request',
    text: `有人以本電子郵件地址申請「${input.datasetTitle.zh}」的授權，授權證明將載明被授權人：${holder}，用途：${purpose.zh}。
若是您本人申請，請開啟下列連結並按下「確認」；確認前不會核發任何授權。連結有效至 ${taipeiMoment(input.expiresAt).zh}。
若非您本人申請，請忽略本信：未經確認的申請將自動失效，您的地址不會與任何姓名綁定。

${input.confirmUrl}

---
Someone asked, with this e-mail address, for a license to "${input.datasetTitle.en}"; the certificate would
name the licensee ${holder}, for ${purpose.en.toLowerCase()}. If it was you, open the link above and press
"Confirm": nothing is issued before that. The link is valid until ${taipeiMoment(input.expiresAt).en}.
If it was not you, ignore this mail: an unconfirmed request lapses, and no name is bound to your address.
`,
  };
}
