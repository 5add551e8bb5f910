import { describe, expect, it } from 'vitest';
import {
  OGDL,
  OGDL_EXHIBIT,
  attributionStatement,
  grantSummary,
  type AttributionInput,
} from '#domain/attribution';
import { RuleViolationError } from '#domain/errors';

const input: AttributionInput = {
  agencyName: { zh: '內政部戶政司', en: 'Department of Household Registration, Ministry of the Interior' },
  year: 2026,
  datasetTitle: { zh: '戶籍人口統計', en: 'Household Population Statistics' },
  datasetVersion: '2026.1',
};

describe('attributionStatement', () => {
  it('puts agency, year, dataset and version in part 1', () => {
    // Act
    const { parts } = attributionStatement(input);

    // Assess
    for (const expected of ['內政部戶政司', '2026', '戶籍人口統計', '2026.1'])
      expect(parts.zh[0]).toContain(expected);
    for (const expected of [
      'Ministry of the Interior',
      '2026',
      'Household Population Statistics',
      '2026.1',
    ]) {
      expect(parts.en[0]).toContain(expected);
    }
  });

  it('is the model wording of the license’s exhibit (顯名聲明), word for word', () => {
    const { parts } = attributionStatement(input);
    expect(parts.zh).toEqual([
      '內政部戶政司 2026 戶籍人口統計 版本 2026.1',
      '此開放資料依政府資料開放授權條款 (Open Government Data License) 進行公眾釋出，使用者於遵守本條款各項規定之前提下，得利用之。',
      '政府資料開放授權條款：https://data.gov.tw/license',
    ]);
    expect(parts.en).toEqual([
      'Department of Household Registration, Ministry of the Interior 2026 Household Population Statistics version 2026.1',
      'The Open Data is made available to the public under the Open Government Data License, User can make use of it when complying to the condition and obligation of its terms.',
      'Open Government Data License:https://data.gov.tw/license',
    ]);
    expect(parts.zh.slice(1)).toEqual([OGDL_EXHIBIT.zh.release, OGDL_EXHIBIT.zh.license]);
    expect(parts.zh[2]).toContain(OGDL.url);
  });

  it('joins the three parts in order into one text per language', () => {
    const statement = attributionStatement(input);
    const positions = statement.parts.zh.map((p) => statement.zh.indexOf(p));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(statement.en).toBe(statement.parts.en.join('\n'));
  });

  it('trims the names it is given', () => {
    const { parts } = attributionStatement({ ...input, datasetVersion: ' 3 ' });
    expect(parts.en[0]).toMatch(/ version 3$/);
  });

  it.each([
    ['agencyName.zh', { agencyName: { zh: ' ', en: 'MOI' } }],
    ['agencyName.en', { agencyName: { zh: '內政部', en: '' } }],
    ['year', { year: Number.NaN }],
    ['datasetTitle.en', { datasetTitle: { zh: '資料', en: '  ' } }],
    ['datasetVersion', { datasetVersion: '' }],
  ])('refuses a statement without %s', (path, change) => {
    // Act
    let caught: unknown;
    try {
      attributionStatement({ ...input, ...change });
    } catch (error) {
      caught = error;
    }

    // Assess
    expect(caught).toBeInstanceOf(RuleViolationError);
    expect(caught).toMatchObject({
      code: 'ATTRIBUTION_INCOMPLETE',
      details: [expect.objectContaining({ path })],
    });
    expect((caught as Error).message).toMatch(/^Part 1 of the attribution statement/);
  });

  it('names every missing piece in the message', () => {
    expect(() => attributionStatement({ ...input, datasetVersion: '', year: 0 })).toThrow(
      /missing the year, the dataset version/,
    );
  });
});

describe('OGDL and grantSummary', () => {
  it('pins the license identity', () => {
    expect(OGDL).toMatchObject({ spdx: 'OGDL-Taiwan-1.0', version: '1.0', date: '2015-07-27' });
  });

  it('mentions every term of the grant in English', () => {
    for (const term of [
      'licensed to the public',
      'only records that the licensee named below obtained this version',
      'any purpose',
      'worldwide',
      'perpetuity',
      'non-exclusive',
      'irrevocable',
      'royalty-free',
      'sublicense',
      'patents and trademarks are not licensed',
      'deemed void from the start (clause 3.2)',
      'cease to provide all or part of the data',
      'without any warranty',
      'Taiwan',
    ]) {
      expect(grantSummary.en).toContain(term);
    }
  });

  it('mentions every term of the grant in Chinese', () => {
    for (const term of [
      '向公眾授權',
      '本證明書僅記錄下列被授權人已取得本版本之資料',
      '不限目的、時間及地域',
      '非專屬',
      '不可撤回',
      '免授權金',
      '再轉授權',
      '專利權及商標權',
      '視為自始未取得授權（第三點第二款）',
      '停止提供全部或一部資料',
      '不構成資料提供機關之任何保證',
      '中華民國',
    ]) {
      expect(grantSummary.zh).toContain(term);
    }
  });
});
