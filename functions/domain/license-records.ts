/**
 * What the service stores for a license request and for the certificate it leads to. The
 * certificate's `claims` are exactly what was signed: verifying a certificate means checking the
 * signature and that the signed claims still equal these.
 */
import type { AgencyText, Lang, LocalizedText } from './common.ts';
import type { ConditionsOfUse, DataClass } from './dataset.ts';
import type { PaymentInstructions, Purpose } from './fee-proposal.ts';
import type { Quote, QuoteLine } from './license-quote.ts';
import type { CertificateStatus, LicenseStatus, Licensee, RevocationReason } from './license.ts';

/**
 * `ISSUING` is the service's own step between "nothing left to pay" and "certificate issued": a
 * request that finds its license in it finishes the issue (the steps are idempotent).
 * `ALREADY_HELD`: confirmed by a licensee who already held a live grant for the dataset version;
 * the request points to that license (`heldBy`) instead of making a second one.
 */
export type LicenseRecordStatus = LicenseStatus | 'ISSUING' | 'ALREADY_HELD';

/** The dataset as it was when the license was asked for: the certificate pins this version. */
export interface DatasetSnapshot {
  id: string;
  agencyId: string;
  agencyName: LocalizedText;
  title: LocalizedText;
  version: string;
  classification: Exclude<DataClass, 'NOT_PROVIDED'>;
  distributionSha256?: string;
  /** OPEN: the year the data was released (attribution part 1). */
  releaseYear?: number;
  /** ON_APPLICATION: the conditions of use the grant is made under. */
  conditionsOfUse?: ConditionsOfUse;
}

/**
 * The price quoted for a license on application. `schedule` names the fee schedule that priced it;
 * without one (the dataset carries no fee) the quote is empty and free.
 */
export type LicenseQuote = Quote & {
  schedule?: {
    proposalId: string;
    title: AgencyText;
    effectiveFrom: string;
    legalBasis: string;
    explanationUrl?: string;
    payment?: PaymentInstructions;
  };
};

export interface LicenseRecord {
  id: string;
  status: LicenseRecordStatus;
  requestedAt: string;
  /** YYYY-MM-DD in Taiwan, the day whose fee schedule priced the quote. */
  requestDate: string;
  licensee: Licensee;
  /** The language the licensee requested in (the form's); mails to the licensee are written in it. */
  lang?: Lang;
  purpose: Purpose;
  dataset: DatasetSnapshot;
  /** ON_APPLICATION only. */
  quote?: LicenseQuote;
  /** `receivedOn`: the Taiwan date the agency says the money arrived (absent in records before it was asked). */
  payment?: {
    amountTwd: number;
    reference: string;
    receivedOn?: string;
    confirmedAt: string;
    confirmedBy: string;
  };
  /** Fixed once, before anything is signed or rendered, so an interrupted issue resumes identically. */
  /**
   * `verifyToken` is in the certificate's verify link (its QR code) and PDF link: who holds either
   * sees the licensee on the verify page; who only knows the number does not.
   */
  certificate?: { number: string; issuedAt: string; verifyToken?: string };
  revokedAt?: string;
  /** Until the licensee follows the link mailed to their address, no name is bound to it. */
  confirmation?: { expiresAt: string; confirmedAt?: string };
  /** ALREADY_HELD: the license the licensee already held. */
  heldBy?: string;
}

/** The certificate record, as signed (ES256 compact JWS) and as shown on the verify page. */
export interface CertificateClaims {
  number: string;
  issuedAt: string;
  verifyUrl: string;
  jwksUrl: string;
  /** Name and organisation only: the e-mail address stays private. */
  licensee: { name: string; organization?: string };
  dataset: DatasetSnapshot;
  /**
   * OGDL (open data): the license pinned by version, with its SPDX id. ON_APPLICATION: the
   * individual grant, named as such, under the agency's conditions of use (title, version, URL);
   * no SPDX id, no OGDL name.
   */
  license: {
    kind: 'OGDL' | 'ON_APPLICATION';
    name: LocalizedText;
    version: string;
    url: string;
    spdx?: string;
    date?: string;
    conditionsTitle?: LocalizedText;
    sublicensing?: boolean;
  };
  grantSummary: LocalizedText;
  /** OGDL: the exhibit's three-part attribution statement. */
  attribution?: { zh: [string, string, string]; en: [string, string, string] };
  /** ON_APPLICATION: the 「資料來源」 line to carry instead. */
  source?: LocalizedText;
  /** Fee-based grants only: the schedule in force on the request date and what was paid. */
  paid?: {
    scheduleId: string;
    scheduleTitle: AgencyText;
    legalBasis: string;
    lines: QuoteLine[];
    subtotalTwd: number;
    reductionPercent: number;
    reductionTwd: number;
    amountTwd: number;
    purpose: Purpose;
    /** YYYY-MM-DD in Taiwan, the day the agency confirmed the payment. */
    paidOn: string;
    /** The agency's receipt or transfer reference. */
    receiptNumber: string;
  };
  /** SHA-256 of the PDF: the PDF cannot carry its own hash, the signed record can. */
  pdfSha256: string;
}

export interface CertificateRevocation {
  reason: RevocationReason;
  note: string;
  at: string;
  /** The agency (or operator) that marked it. */
  by: string;
}

export interface CertificateRecord {
  number: string;
  licenseId: string;
  /** Never deleted: a revocation only marks the record. */
  status: CertificateStatus;
  claims: CertificateClaims;
  jws: string;
  pdfKey: string;
  revocation?: CertificateRevocation;
}
