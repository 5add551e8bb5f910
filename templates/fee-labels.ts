/** How quotes word their rounding rule and the ways to pay, in pages, mails and certificates alike. */
import type { PaymentMethod } from '../functions/domain/fee-proposal.ts';
import type { QUOTE_ROUNDING } from '../functions/domain/license-quote.ts';
import type { Label } from './vote-labels.ts';

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
