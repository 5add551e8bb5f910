/**
 * How fee items, quotes' rounding rule and the ways to pay read in pages, mails and PDFs alike. A fee
 * item is shown by its name; its id (`sheet`) is for links, forms and machines only.
 */
import type { FeeLawStepKind } from '#domain/fee-law-steps';
import type { PaymentMethod } from '#domain/fee-proposal';
import type { QUOTE_ROUNDING } from '#domain/license-quote';
import type { AgencyText } from './agency-text.ts';
import type { Label } from './vote-labels.ts';

/** The steps of 規費法 §10 after a favourable vote. */
export const FEE_LAW_STEP_LABELS: Record<FeeLawStepKind, Label> = {
  FEE_AUTHORITY_CONSENT: { zh: '規費主管機關同意', en: 'Consent of the fee authority' },
  COUNCIL_FILING: { zh: '送民意機關備查', en: 'Filed with the representative body' },
  ANNOUNCEMENT: { zh: '公告', en: 'Announced' },
};

export const ROUNDING_LABELS: Record<typeof QUOTE_ROUNDING, Label> = {
  REDUCTION_ON_SUBTOTAL_ROUNDED_HALF_UP: {
    zh: '各項金額＝單價×數量（整數元）；減收金額以合計乘減收比率計算一次，四捨五入至元。',
    en: 'Each line is unit charge × quantity in whole dollars; the reduction is computed once, on the subtotal, and rounded half up to the dollar.',
  },
};

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, Label> = {
  BANK_TRANSFER: { zh: '銀行匯款', en: 'Bank transfer' },
  POSTAL_TRANSFER: { zh: '郵政劃撥', en: 'Postal giro transfer' },
  COUNTER: { zh: '臨櫃繳費', en: 'At the counter' },
  ONLINE: { zh: '線上繳費', en: 'Online payment' },
};

/** How people see a fee item: by its name, Traditional Chinese first. */
export const feeItemLabel = (item: { name: AgencyText }): AgencyText => item.name;

export const WHOLE_PROPOSAL_LABEL: Label = { zh: '整體提案', en: 'the whole proposal' };
const ITEM_OF_ANOTHER_VERSION: Label = { zh: '非本版之收費項目', en: 'a fee item not in this version' };

/** What a comment is about: one of the version's fee items by name, another version's item, or the whole proposal. */
export function commentTargetLabel(
  itemId: string | null | undefined,
  items: readonly { id: string; name: AgencyText }[],
): Label | AgencyText {
  if (!itemId) return WHOLE_PROPOSAL_LABEL;
  const item = items.find((i) => i.id === itemId);
  return item ? feeItemLabel(item) : ITEM_OF_ANOTHER_VERSION;
}

/** What each step's reference is: the document number of the consent or filing, the notice's number. */
export const FEE_LAW_STEP_REFERENCE_LABELS: Record<FeeLawStepKind, Label> = {
  FEE_AUTHORITY_CONSENT: { zh: '同意文號', en: 'Document number' },
  COUNCIL_FILING: { zh: '備查文號', en: 'Filing number' },
  ANNOUNCEMENT: { zh: '公告字號', en: 'Notice number' },
};
