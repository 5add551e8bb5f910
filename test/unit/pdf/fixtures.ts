// Realistic views for the PDF tests (and for eyeballing the output).
import { applicationGrantSummary, attributionStatement, grantSummary, OGDL } from '#domain/attribution';
import type { CertificateView } from '#templates/pdf/certificate';
import type {
  ConsultationComment,
  ConsultationReportView,
  ReportCounts,
} from '#templates/pdf/consultation-report';

// The domain's own wording, so the tests see what production certificates will carry.
const STATEMENT = attributionStatement({
  agencyName: { zh: '交通部中央氣象署', en: 'Central Weather Administration' },
  year: 2025,
  datasetTitle: { zh: '逐時氣象觀測資料', en: 'Hourly weather observations' },
  datasetVersion: '3',
});
export const ATTRIBUTION_ZH = STATEMENT.parts.zh;
export const ATTRIBUTION_EN = STATEMENT.parts.en;

export function certificateView(overrides: Partial<CertificateView> = {}): CertificateView {
  return {
    kind: 'OGDL',
    number: 'OGDL-2025-000123',
    issuedAt: '2025-03-14T02:30:00Z',
    licensee: { name: '王小明', organization: '國立臺灣大學 氣候變遷研究中心', email: 'wang@example.tw' },
    dataset: {
      agencyName: { zh: '交通部中央氣象署', en: 'Central Weather Administration' },
      title: { zh: '逐時氣象觀測資料', en: 'Hourly weather observations' },
      version: '3',
      distributionSha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    },
    license: {
      nameZh: OGDL.nameZh,
      nameEn: OGDL.nameEn,
      version: OGDL.version,
      url: OGDL.url,
      spdx: OGDL.spdx,
    },
    grantSummary,
    attribution: { zh: [...ATTRIBUTION_ZH], en: [...ATTRIBUTION_EN] },
    verifyUrl: 'https://ogdl.example.gov.tw/verify/OGDL-2025-000123',
    jwksUrl: 'https://ogdl.example.gov.tw/.well-known/jwks.json',
    ...overrides,
  };
}

export const PAID: NonNullable<CertificateView['paid']> = {
  scheduleId: 'FS-MOTC-CWA-2024-01',
  scheduleTitle: {
    zh: '中央氣象署客製化氣象資料收費基準',
    en: 'CWA fee schedule for customised weather data',
  },
  legalBasis: '規費法第 10 條；氣象法第 17 條',
  lines: [
    {
      name: { zh: '逐時觀測資料客製化擷取', en: 'Customised extraction of hourly observations' },
      unit: { zh: '每次申請', en: 'per request' },
      quantity: 2,
      unitAmountTwd: 12500,
      amountTwd: 25000,
    },
  ],
  subtotalTwd: 25000,
  reductionPercent: 50,
  reductionTwd: 12500,
  amountTwd: 12500,
  purpose: '學術研究 Academic research',
  paidOn: '2025-03-13',
  receiptNumber: 'R-114-000321',
};

/** A grant on application: its own heading and number prefix, conditions of use, a source line, no OGDL. */
export function applicationCertificateView(overrides: Partial<CertificateView> = {}): CertificateView {
  const { attribution: _ogdl, ...base } = certificateView();
  return {
    ...base,
    kind: 'ON_APPLICATION',
    number: 'APL-2025-000124',
    license: {
      nameZh: '依申請提供之個別授權',
      nameEn: 'License for data provided on application',
      version: '2024.2',
      url: 'https://www.cwa.gov.tw/conditions/custom-data',
      conditionsTitle: {
        zh: '客製化氣象資料提供使用規範',
        en: 'Conditions of use for customised weather data',
      },
    },
    grantSummary: applicationGrantSummary({
      conditions: {
        title: { zh: '客製化氣象資料提供使用規範', en: 'Conditions of use for customised weather data' },
        version: '2024.2',
        sublicensing: false,
      },
      purpose: { zh: '學術研究', en: 'Academic research' },
    }),
    verifyUrl: 'https://ogdl.example.gov.tw/verify/APL-2025-000124',
    source: {
      zh: '資料來源：交通部中央氣象署「逐時氣象觀測資料」（版本 3）',
      en: 'Source: Central Weather Administration, “Hourly weather observations” (version 3)',
    },
    paid: PAID,
    ...overrides,
  };
}

const TIERS = ['ORGANIZATION', 'VERIFIED_EMAIL', 'UNVERIFIED'] as const;
const DISPOSITIONS = ['ADOPTED', 'PARTLY_ADOPTED', 'NOT_ADOPTED'] as const;

export function comment(i: number): ConsultationComment {
  const received = new Date(Date.UTC(2025, 1, 3, 1, 0) + i * 37 * 60_000).toISOString();
  return {
    id: `C-${String(i + 1).padStart(4, '0')}`,
    receivedAt: received,
    tier: TIERS[i % 3] ?? 'UNVERIFIED',
    authorLabel: i % 3 === 0 ? '台灣開放資料協會 Open Data Taiwan' : `民眾 ${i + 1}`,
    organizationSelfDeclared: false,
    itemId: i % 4 === 3 ? undefined : `F-0${(i % 2) + 1}`,
    body:
      i % 5 === 0
        ? `第 ${i + 1} 則意見：每筆資料收費 NT$ 2 高於重製之邊際成本，建議比照歐盟 2019/1024 指令第 6 條以邊際成本計價，並對學術用途全額減免。The per-record charge exceeds the marginal cost of reproduction (comment ${i + 1}).`
        : `第 ${i + 1} 則意見：請公開成本計算明細。Please publish the cost breakdown (comment ${i + 1}).`,
    campaignGroupSize: i % 7 === 6 ? 42 : undefined,
    disposition: DISPOSITIONS[i % 3] ?? 'ADOPTED',
    reply: `回覆第 ${i + 1} 則：已於附件補充人事成本與媒體成本之計算方式。Reply ${i + 1}: the cost breakdown is now attached.`,
    answeredAt: new Date(Date.UTC(2025, 3, 10, 6, 0) + i * 60_000).toISOString(),
  };
}

/** What the report's caller counts over its comments (each campaign copy is a submission). */
export function reportCounts(comments: readonly ConsultationComment[]): ReportCounts {
  const counts: ReportCounts = {
    entries: 0,
    total: 0,
    entriesByTier: {},
    byTier: {},
    entriesByDisposition: {},
    byDisposition: {},
  };
  for (const c of comments) {
    const size = c.campaignGroupSize ?? 1;
    counts.entries += 1;
    counts.total += size;
    counts.entriesByTier[c.tier] = (counts.entriesByTier[c.tier] ?? 0) + 1;
    counts.byTier[c.tier] = (counts.byTier[c.tier] ?? 0) + size;
    counts.entriesByDisposition[c.disposition] = (counts.entriesByDisposition[c.disposition] ?? 0) + 1;
    counts.byDisposition[c.disposition] = (counts.byDisposition[c.disposition] ?? 0) + size;
  }
  return counts;
}

export function reportView(
  commentCount: number,
): ConsultationReportView & { comments: ConsultationComment[] } {
  const comments = Array.from({ length: commentCount }, (_, i) => comment(i));
  return {
    proposal: {
      id: 'FSP-2025-0042',
      version: 2,
      title: { zh: '中央氣象署客製化氣象資料收費基準', en: 'CWA fee schedule for customised weather data' },
      agencyName: { zh: '交通部中央氣象署', en: 'Central Weather Administration' },
      legalBasis: '規費法第 10 條；政府資訊公開法第 22 條；政府資料開放作業原則',
      explanationUrl: 'https://www.cwa.gov.tw/fees/explanation',
      effectiveFrom: '2025-07-01',
    },
    consultation: {
      round: 1,
      opensAt: '2025-02-01T00:00:00Z',
      closesAt: '2025-04-02T15:59:00Z',
      extensions: [
        {
          closesAt: '2025-04-16T15:59:00Z',
          reason: '應公民團體請求延長兩週。Extended by two weeks at the request of civil-society groups.',
        },
      ],
    },
    items: [
      {
        id: 'F-01',
        name: { zh: '逐時觀測資料（每筆）', en: 'Hourly observation record' },
        unit: { zh: '每筆', en: 'per record' },
        amountTwd: 2,
        documentedUnitCostTwd: 3,
        marginalUnitCostTwd: 1,
        exceptionReason:
          '資料需經人工品質檢核及格式轉換，成本高於單純重製。Records need manual quality control and format conversion, which costs more than reproduction alone.',
      },
      {
        id: 'F-02',
        name: { zh: '客製化區域資料擷取', en: 'Customised regional extraction' },
        unit: { zh: '每小時', en: 'per hour' },
        amountTwd: 1200,
        documentedUnitCostTwd: 1350,
        marginalUnitCostTwd: 1200,
      },
      {
        id: 'F-03',
        name: { zh: '光碟燒錄', en: 'Delivery on optical disc' },
        unit: { zh: '每片', en: 'per disc' },
        amountTwd: 150,
        documentedUnitCostTwd: 150,
        marginalUnitCostTwd: 150,
      },
    ],
    comments,
    counts: reportCounts(comments),
    generatedAt: '2025-04-20T03:00:00Z',
    reportUrl: 'https://ogdl.example.gov.tw/proposals/FSP-2025-0042/v2/consultation-report',
  };
}
