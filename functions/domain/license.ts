/**
 * License requests, payments and certificates. An OPEN dataset's license is OGDL v1.0 and
 * irrevocable: "revoking" its certificate only marks the record, and the license stays in force.
 */
import * as z from './zod.ts';
import { labelFields } from './field-errors.ts';
import {
  AmountTwdSchema,
  EmailSchema,
  IdSchema,
  IsoDateSchema,
  optionalTextField,
  textField,
  nameField,
} from './common.ts';
import type { DataClass } from './dataset.ts';
import { RuleViolationError } from './errors.ts';
import { PurposeSchema } from './fee-proposal.ts';
import { RequestedItemSchema } from './license-quote.ts';

export const LicenseeSchema = /* @__PURE__ */ z.object({
  name: /* @__PURE__ */ nameField(200),
  email: EmailSchema,
  organization: /* @__PURE__ */ z.optional(/* @__PURE__ */ nameField(200)),
});
export type Licensee = z.infer<typeof LicenseeSchema>;

/** The license request form's and body's field labels (field-errors.ts). */
export type LicenseRequestLabels = typeof LICENSE_REQUEST_LABELS;
export const LICENSE_REQUEST_LABELS = {
  datasetId: { zh: '資料集', en: 'Dataset' },
  licensee: { zh: '被授權人', en: 'Licensee' },
  'licensee.name': { zh: '被授權人姓名', en: 'Licensee’s name' },
  'licensee.email': { zh: '電子郵件', en: 'E-mail' },
  'licensee.organization': { zh: '機關團體或公司', en: 'Organization' },
  purpose: { zh: '利用目的', en: 'Purpose of use' },
  items: { zh: '申請項目', en: 'Items' },
  'items.*.itemId': { zh: '收費項目', en: 'Fee item' },
  'items.*.quantity': { zh: '數量', en: 'Quantity' },
};

/** A request for the link to one's licenses: the address they were requested with. */
export const MyLicensesRequestSchema = /* @__PURE__ */ z.object({ email: EmailSchema });
export type MyLicensesRequest = z.infer<typeof MyLicensesRequestSchema>;

export const LicenseRequestSchema = /* @__PURE__ */ labelFields(
  /* @__PURE__ */ z.object({
    datasetId: IdSchema,
    licensee: LicenseeSchema,
    purpose: PurposeSchema,
    /**
     * Data on application: the fee items wanted from the schedule in force and how many of each.
     * Open data and data with no schedule in force are free and take none.
     */
    items: /* @__PURE__ */ z._default(
      /* @__PURE__ */ z.array(RequestedItemSchema).check(/* @__PURE__ */ z.maxLength(50)),
      [],
    ),
  }),
  LICENSE_REQUEST_LABELS,
);
export type LicenseRequest = z.infer<typeof LicenseRequestSchema>;

export const LicenseStatusSchema = /* @__PURE__ */ z.enum([
  'AWAITING_EMAIL_CONFIRMATION',
  'AWAITING_PAYMENT',
  'ISSUED',
  'REVOKED',
]);
export type LicenseStatus = z.infer<typeof LicenseStatusSchema>;

export type PaymentLabels = typeof PAYMENT_LABELS;
export const PAYMENT_LABELS = {
  amountTwd: { zh: '收款金額（新臺幣元）', en: 'Amount received (NT$)' },
  reference: { zh: '收據號碼', en: 'Receipt number' },
  receivedOn: { zh: '收款日期', en: 'Date received' },
};

export const PaymentInputSchema = /* @__PURE__ */ labelFields(
  /* @__PURE__ */ z.object({
    amountTwd: AmountTwdSchema,
    /** The agency's receipt or transfer reference. */
    reference: /* @__PURE__ */ textField(100),
    /** The day the payment reached the agency (Taiwan date); absent: the day it is confirmed. */
    receivedOn: /* @__PURE__ */ z.optional(IsoDateSchema),
  }),
  PAYMENT_LABELS,
);
export type PaymentInput = z.infer<typeof PaymentInputSchema>;

/**
 * The day a payment was received: not before the request was made (nothing was quoted before it)
 * and not after today, both Taiwan dates (422 PAYMENT_DATE_OUT_OF_RANGE on `receivedOn`).
 */
export function checkPaymentDate(receivedOn: string, range: { requestDate: string; today: string }): void {
  if (receivedOn >= range.requestDate && receivedOn <= range.today) return;
  const future = receivedOn > range.today;
  const message = future
    ? `${receivedOn} has not come yet (today is ${range.today}).`
    : `The payment cannot come before the request of ${range.requestDate}.`;
  const zh = future
    ? `${receivedOn} 尚未到來（今日為 ${range.today}）。`
    : `收款日期不得早於申請日 ${range.requestDate}。`;
  throw new RuleViolationError('PAYMENT_DATE_OUT_OF_RANGE', message, [
    { path: 'receivedOn', message, rule: 'PAYMENT_DATE_OUT_OF_RANGE', messages: { zh, en: message } },
  ]);
}

export const CertificateStatusSchema = /* @__PURE__ */ z.enum([
  'VALID',
  'REVOKED',
  'SUPERSEDED',
  'WITHDRAWN_DATASET',
]);
export type CertificateStatus = z.infer<typeof CertificateStatusSchema>;

export const RevocationReasonSchema = /* @__PURE__ */ z.enum([
  'ISSUED_IN_ERROR',
  'SUPERSEDED',
  'DATASET_WITHDRAWN',
  'CONDITIONS_BREACHED',
]);
export type RevocationReason = z.infer<typeof RevocationReasonSchema>;

export type RevokeLabels = typeof REVOKE_LABELS;
export const REVOKE_LABELS = {
  reason: { zh: '撤銷原因', en: 'Reason' },
  note: { zh: '說明', en: 'Note' },
};

export const RevokeInputSchema = /* @__PURE__ */ labelFields(
  /* @__PURE__ */ z.object({
    reason: RevocationReasonSchema,
    note: /* @__PURE__ */ optionalTextField(1000),
  }),
  REVOKE_LABELS,
);
export type RevokeInput = z.infer<typeof RevokeInputSchema>;

/**
 * The status a certificate takes when its issuer revokes it. `dataClass` is the class the grant
 * was made under. An OGDL grant (OPEN) cannot be withdrawn for a breach of conditions: the record
 * can only be marked as issued in error, superseded or for a withdrawn dataset.
 */
export function revocationStatus(
  reason: RevocationReason,
  dataClass: Exclude<DataClass, 'NOT_PROVIDED'>,
): Exclude<CertificateStatus, 'VALID'> {
  switch (reason) {
    case 'ISSUED_IN_ERROR':
      return 'REVOKED';
    case 'SUPERSEDED':
      return 'SUPERSEDED';
    case 'DATASET_WITHDRAWN':
      return 'WITHDRAWN_DATASET';
    case 'CONDITIONS_BREACHED':
      if (dataClass === 'OPEN') {
        throw new RuleViolationError(
          'OGDL_GRANT_IRREVOCABLE',
          'An Open Government Data License grant is irrevocable; its certificate can only be marked as issued in ' +
            'error, superseded or for a withdrawn dataset.',
          [{ path: 'reason', message: 'Not available for an OGDL grant.', rule: 'OGDL_GRANT_IRREVOCABLE' }],
        );
      }
      return 'REVOKED';
  }
}

/** The reasons a certificate of this data class may be marked for (revocationStatus accepts exactly these). */
export const revocationReasons = (dataClass: Exclude<DataClass, 'NOT_PROVIDED'>): RevocationReason[] =>
  RevocationReasonSchema.options.filter((r) => !(r === 'CONDITIONS_BREACHED' && dataClass === 'OPEN'));

/**
 * Each kind of grant has its own number prefix, so an OGDL number is never printed on a grant that
 * is not one: `OGDL-` for open data, `APL-` for data provided on application. Each kind counts its
 * own sequence per year (OGDL-2027-000001 and APL-2027-000001 are two certificates): the prefix is
 * part of the number, and the count of either kind is read off its numbers.
 */
export const CERTIFICATE_PREFIXES = { OPEN: 'OGDL', ON_APPLICATION: 'APL' } as const;
export type GrantClass = keyof typeof CERTIFICATE_PREFIXES;

const CERTIFICATE_NUMBER = /^(OGDL|APL)-(\d{4})-(\d{6})$/;
const MAX_SEQUENCE = 999_999;

/** e.g. `OGDL-2026-000042`: the prefix, the issue year and a per-year sequence, zero-padded to six digits. */
export function formatCertificateNumber(dataClass: GrantClass, year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`Certificate year must have four digits, got ${year}.`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new RangeError(`Certificate sequence must be 1..${MAX_SEQUENCE}, got ${sequence}.`);
  }
  return `${CERTIFICATE_PREFIXES[dataClass]}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** The parts of a certificate number, or undefined when the text is not one (a 404, not a 400). */
export function parseCertificateNumber(
  text: string,
): { dataClass: GrantClass; year: number; sequence: number } | undefined {
  const m = CERTIFICATE_NUMBER.exec(text);
  if (m === null) return undefined;
  const year = Number(m[2]);
  const sequence = Number(m[3]);
  if (year < 1000 || sequence < 1) return undefined;
  return { dataClass: m[1] === 'OGDL' ? 'OPEN' : 'ON_APPLICATION', year, sequence };
}
