/** How each fee unit reads in documents, mails and pages. */
import type { FeeUnit } from '#domain/fee-proposal';
import { FEE_UNIT_LABELS } from './labels.ts';

export const feeUnit = (unit: FeeUnit) => ({ code: unit, ...FEE_UNIT_LABELS[unit] });
