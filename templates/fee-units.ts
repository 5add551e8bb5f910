/** How each fee unit reads in documents, mails and pages. */
import type { FeeUnit } from '#domain/fee-proposal';

export const FEE_UNIT_LABELS: Record<FeeUnit, { zh: string; en: string }> = {
  PER_RECORD: { zh: '每筆', en: 'per record' },
  PER_FILE: { zh: '每檔', en: 'per file' },
  PER_REQUEST: { zh: '每次申請', en: 'per request' },
  PER_HOUR: { zh: '每小時', en: 'per hour' },
  PER_GB: { zh: '每 GB', en: 'per GB' },
  PER_PAGE: { zh: '每頁', en: 'per page' },
};

export const feeUnit = (unit: FeeUnit) => ({ code: unit, ...FEE_UNIT_LABELS[unit] });
