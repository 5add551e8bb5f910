import { describe, expect, it } from 'vitest';
import { OGDL, attributionStatement, grantSummary, type AttributionInput } from '#domain/attribution';
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

  it('says in part 2 that the data are released under the OGDL for anyone who follows it', () => {
    const { parts } = attributionStatement(input);
    expect(parts.zh[1]).toContain('政府資料開放授權條款');
    expect(parts.en[1]).toContain('Open Government Data License');
    expect(parts.en[1]).toMatch(/anyone/);
  });

  it('names the license with its URL in part 3 in both languages', () => {
    const { parts } = attributionStatement(input);
    expect(parts.zh[2]).toContain(OGDL.nameZh);
    expect(parts.en[2]).toContain(OGDL.nameEn);
    expect(parts.zh[2]).toContain('https://data.gov.tw/license');
    expect(parts.en[2]).toContain('https://data.gov.tw/license');
  });

  it('joins the three parts in order into one text per language', () => {
    const statement = attributionStatement(input);
    const positions = statement.parts.zh.map((p) => statement.zh.indexOf(p));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(statement.en).toBe(statement.parts.en.join(' '));
  });

  it('trims the names it is given', () => {
    const { parts } = attributionStatement({ ...input, datasetVersion: ' 3 ' });
    expect(parts.en[0]).toContain('(version 3)');
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
      'any purpose',
      'worldwide',
      'perpetuity',
      'non-exclusive',
      'irrevocable',
      'royalty-free',
      'sublicense',
      'Patents and trademarks are not licensed',
      'attribution',
      'Taiwan',
    ]) {
      expect(grantSummary.en).toContain(term);
    }
  });

  it('mentions every term of the grant in Chinese', () => {
    for (const term of [
      '任何目的',
      '全世界',
      '永久',
      '非專屬',
      '不可撤回',
      '免權利金',
      '再授權',
      '專利權及商標權',
      '顯名',
      '中華民國',
    ]) {
      expect(grantSummary.zh).toContain(term);
    }
  });
});
