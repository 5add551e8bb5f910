/**
 * The OGDL v1.0 facts the service prints, the attribution statement (顯名聲明) every OGDL certificate
 * carries, and the wording of a grant for data provided on application, which is not an OGDL grant.
 * The attribution statement is the license's own model wording (its exhibit), as the license asks
 * users to carry it; the grant summary is this project's summary of the clauses it names.
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

/**
 * The license's exhibit (附件：顯名聲明 / Exhibit - Attribution), parts 2 and 3 word for word; part 1
 * is the exhibit's template filled in: agency, release year, dataset name and version.
 */
export const OGDL_EXHIBIT = {
  zh: {
    release:
      '此開放資料依政府資料開放授權條款 (Open Government Data License) 進行公眾釋出，使用者於遵守本條款各項規定之前提下，得利用之。',
    license: '政府資料開放授權條款：https://data.gov.tw/license',
  },
  en: {
    release:
      'The Open Data is made available to the public under the Open Government Data License, User can make use of it when complying to the condition and obligation of its terms.',
    license: 'Open Government Data License:https://data.gov.tw/license',
  },
} as const;

/**
 * What an OGDL certificate says of the grant: the data is licensed to the public and the
 * certificate only records that this licensee obtained this version; the grant (clause 2, 免授權金);
 * attribution or the grant is void from the start (clause 3.2); cessation (clause 5); no warranty
 * (clause 6); governing law (clause 7).
 */
export const grantSummary: LocalizedText = {
  zh:
    '本資料集依「政府資料開放授權條款－第1版」向公眾授權；本證明書僅記錄下列被授權人已取得本版本之資料。' +
    '依該條款，使用者得不限目的、時間及地域，以非專屬、不可撤回、免授權金之方式利用本資料，並得再轉授權他人；授權範圍不包括專利權及商標權。' +
    '使用者應依條款附件標示顯名聲明，未盡顯名標示義務者，視為自始未取得授權（第三點第二款）。' +
    '有條款第五點所定情形時，資料提供機關得停止提供全部或一部資料，使用者不得請求賠償或補償（第五點）。' +
    '資料之提供不構成資料提供機關之任何保證；除法令另有規定外，資料提供機關不負賠償或補償之責（第六點）。' +
    '本條款以中華民國法律為準據法。',
  en:
    'The dataset is licensed to the public under the Open Government Data License, version 1.0; this certificate only ' +
    'records that the licensee named below obtained this version of it. Under the license anyone may use the data for any ' +
    'purpose, worldwide and in perpetuity, under a non-exclusive, irrevocable, royalty-free grant, and may sublicense it; ' +
    'patents and trademarks are not licensed. The attribution statement of the license’s exhibit must be carried: without ' +
    'it the grant is deemed void from the start (clause 3.2). The agency may cease to provide all or part of the data in ' +
    'the cases of clause 5, and no damages or compensation may be claimed for it (clause 5). The data is provided without ' +
    'any warranty, and unless the law provides otherwise the agency is not liable for damage or loss (clause 6). ' +
    'Governed by the laws of the Republic of China (Taiwan).',
};

/** The name a grant for data on application goes by: never the OGDL's. */
export const APPLICATION_GRANT_NAME: LocalizedText = {
  zh: '依申請提供之個別授權',
  en: 'License for data provided on application',
};

export interface ApplicationGrantInput {
  conditions: { title: LocalizedText; version: string; sublicensing: boolean };
  /** The stated purpose, as it reads (labels live with the templates). */
  purpose: LocalizedText;
}

/**
 * What a grant for data on application gives: an individual, conditional grant under the agency's
 * conditions of use, for the stated purpose, revocable under them, sublicensable only if they say so.
 */
export function applicationGrantSummary({ conditions, purpose }: ApplicationGrantInput): LocalizedText {
  return {
    zh:
      `本授權係資料提供機關依被授權人之申請，依「${conditions.title.zh}」（版本 ${conditions.version}）所為之個別授權，` +
      `並非開放資料之公眾授權。被授權人得於申請所載之利用目的（${purpose.zh}）範圍內，依該利用條件利用本資料；` +
      (conditions.sublicensing ? '並得依該利用條件再授權他人。' : '非經該利用條件許可，不得再授權他人。') +
      '資料提供機關得依該利用條件撤銷本授權，授權現況以驗證頁所示為準。本授權不包括專利權及商標權。',
    en:
      `This is an individual grant by the providing agency, on the licensee’s application, under “${conditions.title.en}” ` +
      `(version ${conditions.version}); it is not an open data license to the public. The licensee may use the ` +
      `data for the purpose stated in the application (${purpose.en}) on those conditions` +
      (conditions.sublicensing
        ? ', and may sublicense it as they allow. '
        : ', and may not sublicense it unless they allow it. ') +
      'The agency may revoke the grant under those conditions; the verify page shows whether it has. Patents and ' +
      'trademarks are not licensed.',
  };
}

/** The attribution of data on application: a 「資料來源」 line, not the OGDL statement (which says anyone may use it). */
export function sourceLine(input: Omit<AttributionInput, 'year'> & { year?: number }): LocalizedText {
  const year = input.year === undefined ? '' : `，${input.year}`;
  const yearEn = input.year === undefined ? '' : `, ${input.year}`;
  return {
    zh: `資料來源：${input.agencyName.zh.trim()}「${input.datasetTitle.zh.trim()}」（版本 ${input.datasetVersion.trim()}${year}）`,
    en: `Source: ${input.agencyName.en.trim()}, “${input.datasetTitle.en.trim()}” (version ${input.datasetVersion.trim()}${yearEn})`,
  };
}

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

  // The exhibit's part 1: 提供機關／單位 [年份] [開放資料釋出名稱與版本號].
  const zh: [string, string, string] = [
    `${agency.zh} ${input.year} ${title.zh} 版本 ${version}`,
    OGDL_EXHIBIT.zh.release,
    OGDL_EXHIBIT.zh.license,
  ];
  const en: [string, string, string] = [
    `${agency.en} ${input.year} ${title.en} version ${version}`,
    OGDL_EXHIBIT.en.release,
    OGDL_EXHIBIT.en.license,
  ];
  return { zh: zh.join('\n'), en: en.join('\n'), parts: { zh, en } };
}
