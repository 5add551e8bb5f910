/**
 * The certificate record built from a license, the view the PDF renderer draws from it, and the
 * public links of a certificate. Pure: the same license gives the same record, so an interrupted
 * issue that runs again renders the very same PDF bytes.
 */
import { createHash } from 'node:crypto';
import { attributionStatement, grantSummary, OGDL } from '#domain/attribution';
import type { LocalizedText } from '#domain/common';
import { PURPOSE_LABELS } from '#templates/vote-labels';
import type { CertificateClaims, LicenseRecord } from '#domain/license-records';
import type { CertificateView } from '#templates/pdf/certificate';
import { publicBaseUrl } from './links.ts';

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

/** Where a certificate's PDF is kept in the blob store. */
export const certificatePdfKey = (year: number, number: string) => `certificates/${year}/${number}.pdf`;

export const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

// Taiwan has kept UTC+8 without daylight saving since 1979: dates on certificates, the
// certificate year and the day whose fee schedule applies are all Taiwan dates.
const TAIPEI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `YYYY-MM-DD` in Taiwan at the instant `iso`. */
export function taipeiDate(iso: string): string {
  return new Date(Date.parse(iso) + TAIPEI_OFFSET_MS).toISOString().slice(0, 10);
}

export const taipeiYear = (iso: string): number => Number(taipeiDate(iso).slice(0, 4));

/**
 * What a grant of data provided on application gives. Unlike an OPEN dataset's OGDL grant it is
 * made to one licensee and can be revoked under its conditions, so the OGDL summary (which says
 * "irrevocable") would be wrong on its certificate. The terms of use are still the OGDL's.
 */
export const applicationGrantSummary: LocalizedText = {
  zh:
    '本資料集依申請提供。提供機關依被授權人之申請，於確認收費後，授權被授權人依政府資料開放授權條款之規定利用本資料；' +
    '本授權為個別授權，提供機關得依授權條件撤銷，是否撤銷以驗證頁所示為準。本授權不包含專利權及商標權。',
  en:
    'This dataset is provided on application. On the licensee’s application, and once the fee was confirmed, the providing ' +
    'agency licensed the licensee to use the data on the terms of the Open Government Data License. The grant is made to ' +
    'this licensee and the agency may revoke it under its conditions; the verify page shows whether it has. Patents and ' +
    'trademarks are not licensed.',
};

/** The record without its PDF's hash: what the PDF is rendered from. */
export type CertificateContent = Omit<CertificateClaims, 'pdfSha256'>;

/** Requires the license to carry its number and issue time (fixed once, before issuing). */
export function certificateContent(license: LicenseRecord): CertificateContent {
  const fixed = license.certificate;
  if (!fixed) throw new Error(`License '${license.id}' has no certificate number yet.`);
  const { dataset, licensee } = license;
  const statement = attributionStatement({
    agencyName: dataset.agencyName,
    year: taipeiYear(fixed.issuedAt),
    datasetTitle: dataset.title,
    datasetVersion: dataset.version,
  });
  const schedule = license.quote?.schedule;
  return {
    number: fixed.number,
    issuedAt: fixed.issuedAt,
    verifyUrl: certificateLinks.verify(fixed.number, fixed.verifyToken),
    jwksUrl: certificateLinks.jwks(),
    licensee: {
      name: licensee.name,
      ...(licensee.organization ? { organization: licensee.organization } : {}),
    },
    dataset,
    license: {
      spdx: OGDL.spdx,
      name: { zh: OGDL.nameZh, en: OGDL.nameEn },
      version: OGDL.version,
      date: OGDL.date,
      url: OGDL.url,
    },
    grantSummary: dataset.classification === 'OPEN' ? grantSummary : applicationGrantSummary,
    attribution: statement.parts,
    ...(schedule && license.payment
      ? {
          paid: {
            scheduleId: schedule.proposalId,
            scheduleTitle: schedule.title,
            amountTwd: license.payment.amountTwd,
            purpose: license.purpose,
            reductionPercent: license.quote!.reductionPercent,
          },
        }
      : {}),
  };
}

/** The PDF renderer's view of a record. The e-mail address is left off: the PDF is public. */
export function certificateView(content: CertificateContent): CertificateView {
  const { dataset, license, paid } = content;
  return {
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
      spdx: license.spdx,
    },
    grantSummary: content.grantSummary,
    attribution: { zh: [...content.attribution.zh], en: [...content.attribution.en] },
    ...(paid
      ? {
          paid: {
            scheduleId: paid.scheduleId,
            scheduleTitle: paid.scheduleTitle,
            amountTwd: paid.amountTwd,
            purpose: `${PURPOSE_LABELS[paid.purpose].zh} ${PURPOSE_LABELS[paid.purpose].en}`,
            reductionPercent: paid.reductionPercent,
          },
        }
      : {}),
    verifyUrl: content.verifyUrl,
    jwksUrl: content.jwksUrl,
  };
}
