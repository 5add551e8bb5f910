import { describe, expect, it } from 'vitest';
import { applicationGrantSummary, grantSummary, OGDL, OGDL_EXHIBIT } from '#domain/attribution';
import type { LicenseRecord } from '#domain/license-records';
import { certificateContent, certificateView } from '#usecases/certificate-record';

function license(overrides: Partial<LicenseRecord> = {}): LicenseRecord {
  return {
    id: 'lic-1',
    status: 'ISSUING',
    requestedAt: '2026-12-31T15:30:00.000Z',
    requestDate: '2026-12-31',
    licensee: { name: '林小華', email: 'lin@example.tw' },
    purpose: 'ACADEMIC',
    dataset: {
      id: 'maps',
      agencyId: 'nlsc',
      agencyName: { zh: '內政部國土測繪中心', en: 'National Land Surveying and Mapping Center' },
      title: { zh: '數值地籍圖', en: 'Digital cadastral maps' },
      version: '2026-Q4',
      classification: 'OPEN',
      releaseYear: 2024,
    },
    certificate: { number: 'OGDL-2027-000001', issuedAt: '2026-12-31T16:30:00.000Z' },
    ...overrides,
  };
}

describe('the certificate record', () => {
  it('pins OGDL v1.0, dates the attribution by the data’s release year (not the issue year), and leaves the e-mail out', () => {
    const content = certificateContent(license());
    expect(content.license).toEqual({
      kind: 'OGDL',
      spdx: OGDL.spdx,
      name: { zh: OGDL.nameZh, en: OGDL.nameEn },
      version: '1.0',
      date: OGDL.date,
      url: OGDL.url,
    });
    expect(content.attribution).toEqual({
      zh: [
        '內政部國土測繪中心 2024 數值地籍圖 版本 2026-Q4',
        '此開放資料依政府資料開放授權條款 (Open Government Data License) 進行公眾釋出，使用者於遵守本條款各項規定之前提下，得利用之。',
        '政府資料開放授權條款：https://data.gov.tw/license',
      ],
      en: [
        'National Land Surveying and Mapping Center 2024 Digital cadastral maps version 2026-Q4',
        'The Open Data is made available to the public under the Open Government Data License, User can make use of it when complying to the condition and obligation of its terms.',
        'Open Government Data License:https://data.gov.tw/license',
      ],
    });
    expect(content.grantSummary).toEqual(grantSummary);
    expect(content).not.toHaveProperty('source');
    expect(JSON.stringify(content)).not.toContain('lin@example.tw');
    expect(content).not.toHaveProperty('paid');
  });

  it('summarises the OGDL grant with its clauses: licensed to the public, 免授權金, void from the start, cessation, no warranty', () => {
    expect(grantSummary.zh).toContain('向公眾授權；本證明書僅記錄下列被授權人已取得本版本之資料');
    expect(grantSummary.zh).toContain('免授權金');
    expect(grantSummary.zh).toContain('未盡顯名標示義務者，視為自始未取得授權（第三點第二款）');
    expect(grantSummary.zh).toContain('資料提供機關得停止提供全部或一部資料');
    expect(grantSummary.zh).toContain('不構成資料提供機關之任何保證');
    expect(grantSummary.en).toContain('deemed void from the start (clause 3.2)');
    expect(grantSummary.en).toContain('royalty-free');
    expect(grantSummary.en).toContain('(clause 5)');
    expect(grantSummary.en).toContain('without any warranty');
    expect(grantSummary.zh).not.toContain('權利金');
  });

  it('makes a grant on application its own kind: no OGDL name or SPDX id, the conditions of use, a 資料來源 line and the paid block', () => {
    const conditions = {
      title: { zh: '數值地籍圖資料提供使用規範', en: 'Conditions of use for digital cadastral maps' },
      version: '2025.1',
      url: 'https://www.nlsc.gov.tw/conditions',
      sublicensing: false,
    };
    const line = {
      itemId: 'sheet',
      name: { zh: '地籍圖', en: 'Sheet' },
      unit: 'PER_FILE' as const,
      quantity: 10,
      unitAmountTwd: 20,
      amountTwd: 200,
    };
    const paid = certificateContent(
      license({
        dataset: { ...license().dataset, classification: 'ON_APPLICATION', conditionsOfUse: conditions },
        certificate: { number: 'APL-2027-000002', issuedAt: '2026-12-31T16:30:00.000Z' },
        quote: {
          lines: [line],
          rounding: 'REDUCTION_ON_SUBTOTAL_ROUNDED_HALF_UP',
          subtotalTwd: 200,
          reductionPercent: 50,
          reductionTwd: 100,
          totalTwd: 100,
          purpose: 'ACADEMIC',
          requestDate: '2026-12-31',
          schedule: {
            proposalId: 'fp-1',
            title: { zh: '收費基準', en: 'Fee schedule' },
            effectiveFrom: '2026-07-01',
            legalBasis: '規費法第 10 條',
          },
        },
        payment: {
          amountTwd: 100,
          reference: 'R-1',
          confirmedAt: '2026-12-31T16:00:00.000Z',
          confirmedBy: 'agency:nlsc',
        },
      }),
    );
    expect(paid.license).toEqual({
      kind: 'ON_APPLICATION',
      name: { zh: '依申請提供之個別授權', en: 'License for data provided on application' },
      version: '2025.1',
      url: 'https://www.nlsc.gov.tw/conditions',
      conditionsTitle: conditions.title,
      sublicensing: false,
    });
    expect(paid).not.toHaveProperty('attribution');
    expect(paid.source).toEqual({
      zh: '資料來源：內政部國土測繪中心「數值地籍圖」（版本 2026-Q4，2024）',
      en: 'Source: National Land Surveying and Mapping Center, “Digital cadastral maps” (version 2026-Q4, 2024)',
    });
    expect(paid.grantSummary).toEqual(
      applicationGrantSummary({ conditions, purpose: { zh: '學術研究', en: 'Academic research' } }),
    );
    expect(paid.grantSummary.zh).toContain('非經該利用條件許可，不得再授權他人');
    expect(paid.grantSummary.zh).toContain('（學術研究）');
    expect(paid.grantSummary.en).not.toContain('irrevocable');
    const text = JSON.stringify({ ...paid, number: '' });
    expect(text).not.toContain('政府資料開放授權條款');
    expect(text).not.toContain(OGDL.spdx);
    expect(text).not.toContain(OGDL_EXHIBIT.zh.release);
    expect(paid.paid).toEqual({
      scheduleId: 'fp-1',
      scheduleTitle: { zh: '收費基準', en: 'Fee schedule' },
      legalBasis: '規費法第 10 條',
      lines: [line],
      subtotalTwd: 200,
      reductionPercent: 50,
      reductionTwd: 100,
      amountTwd: 100,
      purpose: 'ACADEMIC',
      paidOn: '2027-01-01',
      receiptNumber: 'R-1',
    });
    expect(certificateView(paid).paid?.purpose).toBe('學術研究 Academic research');
  });

  it('is the same for the same license, so an interrupted issue renders the same PDF', () => {
    expect(certificateContent(license())).toEqual(certificateContent(license()));
  });

  it('cannot be built before the number is fixed', () => {
    expect(() => certificateContent(license({ certificate: undefined }))).toThrow(/no certificate number/);
  });
});
