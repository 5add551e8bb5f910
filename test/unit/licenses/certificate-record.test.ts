import { describe, expect, it } from 'vitest';
import { grantSummary, OGDL } from '#domain/attribution';
import type { LicenseRecord } from '#domain/license-records';
import {
  applicationGrantSummary,
  certificateContent,
  certificateView,
  taipeiDate,
  taipeiYear,
} from '#usecases/certificate-record';

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
    },
    certificate: { number: 'OGDL-2027-000001', issuedAt: '2026-12-31T16:30:00.000Z' },
    ...overrides,
  };
}

describe('Taiwan dates', () => {
  it('turn the year at midnight in Taipei, eight hours before UTC', () => {
    expect(taipeiDate('2026-12-31T15:59:59.999Z')).toBe('2026-12-31');
    expect(taipeiDate('2026-12-31T16:00:00.000Z')).toBe('2027-01-01');
    expect(taipeiYear('2026-12-31T16:00:00.000Z')).toBe(2027);
  });
});

describe('the certificate record', () => {
  it('pins OGDL v1.0, dates the attribution by the Taiwan year of issue, and leaves the e-mail out', () => {
    const content = certificateContent(license());
    expect(content.license).toEqual({
      spdx: OGDL.spdx,
      name: { zh: OGDL.nameZh, en: OGDL.nameEn },
      version: '1.0',
      date: OGDL.date,
      url: OGDL.url,
    });
    expect(content.attribution.zh).toHaveLength(3);
    expect(content.attribution.zh[0]).toContain('2027年');
    expect(content.attribution.zh[2]).toContain(OGDL.url);
    expect(content.grantSummary).toEqual(grantSummary);
    expect(JSON.stringify(content)).not.toContain('lin@example.tw');
    expect(content).not.toHaveProperty('paid');
  });

  it('gives a grant on application its own, revocable summary and the fee details once paid', () => {
    const paid = certificateContent(
      license({
        dataset: { ...license().dataset, classification: 'ON_APPLICATION' },
        quote: {
          lines: [],
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
    expect(paid.grantSummary).toEqual(applicationGrantSummary);
    expect(paid.grantSummary.en).not.toContain('irrevocable');
    expect(paid.paid).toEqual({
      scheduleId: 'fp-1',
      scheduleTitle: { zh: '收費基準', en: 'Fee schedule' },
      amountTwd: 100,
      purpose: 'ACADEMIC',
      reductionPercent: 50,
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
