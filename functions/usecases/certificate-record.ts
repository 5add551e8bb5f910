/**
 * The certificate record built from a license, the view the PDF renderer draws from it, and the
 * public links of a certificate. Pure: the same license gives the same record, so an interrupted
 * issue that runs again renders the very same PDF bytes.
 */
import { createHash } from 'node:crypto';
import {
  APPLICATION_GRANT_NAME,
  applicationGrantSummary,
  attributionStatement,
  grantSummary,
  OGDL,
  sourceLine,
} from '#domain/attribution';
import type { LocalizedText } from '#domain/common';
import type { CertificateClaims, LicenseRecord } from '#domain/license-records';
import { taipeiDate } from '#domain/taipei-time';
import type { CertificateView } from '#templates/pdf/certificate';
import { publicBaseUrl } from './links.ts';
import { PURPOSE_LABELS, FEE_UNIT_LABELS } from '#templates/labels';

const enc = encodeURIComponent;

const withToken = (token: string | undefined) => (token ? `?token=${enc(token)}` : '');

export const certificateLinks = {
  pdf: (number: string, token?: string) =>
    `${publicBaseUrl()}/certificates/${enc(number)}${withToken(token)}`,
  verify: (number: string, token?: string) =>
    `${publicBaseUrl()}/certificates/${enc(number)}/verify${withToken(token)}`,
  jwks: () => `${publicBaseUrl()}/.well-known/jwks.json`,
};

/** The token of a certificate's verify link (in its signed claims), if it was issued with one. */
export const verifyTokenOf = (claims: Pick<CertificateClaims, 'verifyUrl'>): string | undefined =>
  new URL(claims.verifyUrl).searchParams.get('token') ?? undefined;

/** The statement a licensee carries with the data, each language as one text: OGDL's three-part attribution, or the source line of a grant on application. */
export const attributionText = (claims: Pick<CertificateClaims, 'attribution' | 'source'>): LocalizedText =>
  claims.attribution
    ? { zh: claims.attribution.zh.join('\n'), en: claims.attribution.en.join('\n') }
    : claims.source!;

/** Where a certificate's PDF is kept in the blob store. */
export const certificatePdfKey = (year: number, number: string) => `certificates/${year}/${number}.pdf`;

export const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The record without its PDF's hash: what the PDF is rendered from. */
export type CertificateContent = Omit<CertificateClaims, 'pdfSha256'>;

/** Requires the license to carry its number and issue time (fixed once, before issuing). */
export function certificateContent(license: LicenseRecord): CertificateContent {
  const fixed = license.certificate;
  if (!fixed) throw new Error(`License '${license.id}' has no certificate number yet.`);
  const { dataset, licensee } = license;
  const common = {
    number: fixed.number,
    issuedAt: fixed.issuedAt,
    verifyUrl: certificateLinks.verify(fixed.number, fixed.verifyToken),
    jwksUrl: certificateLinks.jwks(),
    licensee: {
      name: licensee.name,
      ...(licensee.organization ? { organization: licensee.organization } : {}),
    },
    dataset,
  };
  const part1 = {
    agencyName: dataset.agencyName,
    datasetTitle: dataset.title,
    datasetVersion: dataset.version,
  };
  if (dataset.classification === 'OPEN') {
    if (dataset.releaseYear === undefined)
      throw new Error(`Open dataset '${dataset.id}' has no release year for its attribution statement.`);
    return {
      ...common,
      license: {
        kind: 'OGDL',
        spdx: OGDL.spdx,
        name: { zh: OGDL.nameZh, en: OGDL.nameEn },
        version: OGDL.version,
        date: OGDL.date,
        url: OGDL.url,
      },
      grantSummary,
      attribution: attributionStatement({ ...part1, year: dataset.releaseYear }).parts,
    };
  }
  const conditions = dataset.conditionsOfUse;
  if (!conditions) throw new Error(`Dataset '${dataset.id}' on application names no conditions of use.`);
  return {
    ...common,
    license: {
      kind: 'ON_APPLICATION',
      name: APPLICATION_GRANT_NAME,
      version: conditions.version,
      url: conditions.url,
      conditionsTitle: conditions.title,
      sublicensing: conditions.sublicensing,
    },
    grantSummary: applicationGrantSummary({ conditions, purpose: PURPOSE_LABELS[license.purpose] }),
    source: sourceLine({ ...part1, ...(dataset.releaseYear ? { year: dataset.releaseYear } : {}) }),
    ...paidBlock(license),
  };
}

/** The fee block of a paid grant: schedule, legal basis, items × quantities, reduction, payment. */
function paidBlock(license: LicenseRecord): Pick<CertificateContent, 'paid'> {
  const { quote, payment } = license;
  if (!quote?.schedule || !payment) return {};
  return {
    paid: {
      scheduleId: quote.schedule.proposalId,
      scheduleTitle: quote.schedule.title,
      legalBasis: quote.schedule.legalBasis,
      lines: quote.lines,
      subtotalTwd: quote.subtotalTwd,
      reductionPercent: quote.reductionPercent,
      reductionTwd: quote.reductionTwd,
      amountTwd: payment.amountTwd,
      purpose: license.purpose,
      paidOn: taipeiDate(payment.confirmedAt),
      receiptNumber: payment.reference,
    },
  };
}

const label = (l: LocalizedText) => `${l.zh} ${l.en}`;

/** The PDF renderer's view of a record. The e-mail address is left off: the PDF is public. */
export function certificateView(content: CertificateContent): CertificateView {
  const { dataset, license, paid } = content;
  return {
    kind: license.kind,
    number: content.number,
    issuedAt: content.issuedAt,
    licensee: content.licensee,
    dataset: {
      agencyName: dataset.agencyName,
      title: dataset.title,
      version: dataset.version,
      ...(dataset.distributionSha256 ? { distributionSha256: dataset.distributionSha256 } : {}),
    },
    license: {
      nameZh: license.name.zh,
      nameEn: license.name.en,
      version: license.version,
      url: license.url,
      ...(license.spdx ? { spdx: license.spdx } : {}),
      ...(license.conditionsTitle ? { conditionsTitle: license.conditionsTitle } : {}),
    },
    grantSummary: content.grantSummary,
    ...(content.attribution
      ? { attribution: { zh: [...content.attribution.zh], en: [...content.attribution.en] } }
      : {}),
    ...(content.source ? { source: content.source } : {}),
    ...(paid
      ? {
          paid: {
            scheduleId: paid.scheduleId,
            scheduleTitle: paid.scheduleTitle,
            legalBasis: paid.legalBasis,
            lines: paid.lines.map((l) => ({
              name: l.name,
              unit: FEE_UNIT_LABELS[l.unit],
              quantity: l.quantity,
              unitAmountTwd: l.unitAmountTwd,
              amountTwd: l.amountTwd,
            })),
            subtotalTwd: paid.subtotalTwd,
            reductionPercent: paid.reductionPercent,
            reductionTwd: paid.reductionTwd,
            amountTwd: paid.amountTwd,
            purpose: label(PURPOSE_LABELS[paid.purpose]),
            paidOn: paid.paidOn,
            receiptNumber: paid.receiptNumber,
          },
        }
      : {}),
    verifyUrl: content.verifyUrl,
    jwksUrl: content.jwksUrl,
  };
}
