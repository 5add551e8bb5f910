/**
 * The OGDL v1.0 facts the service prints, and the attribution statement (顯名聲明) every certificate
 * carries. The sentences are this project's own wording of what the license asks for, not its text.
 */
import { RuleViolationError, type ErrorDetail } from './errors.ts';
import type { LocalizedText } from './common.ts';

export const OGDL = {
  spdx: 'OGDL-Taiwan-1.0',
  nameZh: '政府資料開放授權條款－第1版',
  nameEn: 'Open Government Data License, version 1.0',
  version: '1.0',
  date: '2015-07-27',
  url: 'https://data.gov.tw/license',
  urlEn: 'https://data.gov.tw/en/license',
} as const;

/** What the OGDL grants, summarised for certificates and verify pages. */
export const grantSummary: LocalizedText = {
  zh:
    '依本授權條款，資料提供機關將資料授權予您，供任何目的利用，包括商業利用；' +
    '授權範圍及於全世界，期間永久，為非專屬、不可撤回且免權利金之授權，您並得再授權他人。' +
    '本授權不包含專利權及商標權。利用時須依條款規定標示顯名聲明，未標示者授權即失其效力。' +
    '本授權條款以中華民國（臺灣）法律為準據法。',
  en:
    'Under this license the providing agency grants you the right to use the data for any purpose, ' +
    'commercial use included, worldwide and in perpetuity; the grant is non-exclusive, irrevocable and ' +
    'royalty-free, and you may sublicense it. Patents and trademarks are not licensed. You must carry ' +
    'the attribution statement the license requires; using the data without it ends the license. ' +
    'The license is governed by the laws of the Republic of China (Taiwan).',
};

export interface AttributionInput {
  agencyName: LocalizedText;
  year: number;
  datasetTitle: LocalizedText;
  datasetVersion: string;
}

export interface AttributionStatement {
  zh: string;
  en: string;
  /** The three parts in the order the license lists them, for layouts that set them apart. */
  parts: { zh: [string, string, string]; en: [string, string, string] };
}

function blank(s: string | undefined): boolean {
  return s === undefined || s.trim().length === 0;
}

/** Part 1 needs all of these; parts 2 and 3 are fixed text and cannot be missing. */
function missingFields(input: AttributionInput): { path: string; what: string }[] {
  const checks: [ok: boolean, path: string, what: string][] = [
    [!blank(input.agencyName?.zh), 'agencyName.zh', 'the agency name in Chinese'],
    [!blank(input.agencyName?.en), 'agencyName.en', 'the agency name in English'],
    [Number.isInteger(input.year) && input.year > 0 && input.year <= 9999, 'year', 'the year'],
    [!blank(input.datasetTitle?.zh), 'datasetTitle.zh', 'the dataset name in Chinese'],
    [!blank(input.datasetTitle?.en), 'datasetTitle.en', 'the dataset name in English'],
    [!blank(input.datasetVersion), 'datasetVersion', 'the dataset version'],
  ];
  return checks.filter(([ok]) => !ok).map(([, path, what]) => ({ path, what }));
}

/**
 * The three-part attribution statement. Refuses (ATTRIBUTION_INCOMPLETE) rather than printing a
 * statement with a hole in it: a document without all three parts must not be produced.
 */
export function attributionStatement(input: AttributionInput): AttributionStatement {
  const missing = missingFields(input);
  if (missing.length > 0) {
    const details: ErrorDetail[] = missing.map(({ path, what }) => ({
      path,
      message: `Missing ${what}.`,
      rule: 'ATTRIBUTION_INCOMPLETE',
    }));
    throw new RuleViolationError(
      'ATTRIBUTION_INCOMPLETE',
      'Part 1 of the attribution statement (agency, year, dataset name and version) is incomplete; ' +
        `missing ${missing.map((m) => m.what).join(', ')}.`,
      details,
    );
  }
  const agency = { zh: input.agencyName.zh.trim(), en: input.agencyName.en.trim() };
  const title = { zh: input.datasetTitle.zh.trim(), en: input.datasetTitle.en.trim() };
  const version = input.datasetVersion.trim();

  const zh: [string, string, string] = [
    `${agency.zh}於${input.year}年提供「${title.zh}」資料集（版本 ${version}）。`,
    '此資料依「政府資料開放授權條款」開放釋出，任何人遵守該條款的規定，即可利用。',
    `授權條款：${OGDL.nameZh}（${OGDL.url}）。`,
  ];
  const en: [string, string, string] = [
    `Dataset "${title.en}" (version ${version}), provided by ${agency.en}, ${input.year}.`,
    'These data are released under the Open Government Data License and may be used by anyone who complies with its terms.',
    `License: ${OGDL.nameEn} (${OGDL.url}).`,
  ];
  return { zh: zh.join(''), en: en.join(' '), parts: { zh, en } };
}
