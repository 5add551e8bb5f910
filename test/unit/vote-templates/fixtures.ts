// Realistic views of the advisory vote for the template tests (and for looking at the output).
import type { FeeItem } from '#domain/fee-proposal';
import { reviewedFeeItem } from '#usecases/fee-item-view';
import type { BallotPageView } from '#templates/pages/ballot';
import type { DecisionRecordView } from '#templates/pdf/decision-record';
import type { ReviewedProposal } from '#templates/reviewed-proposal';

const ITEMS: FeeItem[] = [
  {
    id: 'f-01',
    name: { zh: '逐時觀測資料客製化擷取', en: 'Customised extraction of hourly observations' },
    unit: 'PER_REQUEST',
    amountTwd: 1200,
    costLines: [
      { category: 'PERSONNEL', description: '資料查詢與品質檢核（技術員）', quantity: 1.5, unitCostTwd: 520 },
      { category: 'PROCESSING', description: '主機運算與格式轉換', quantity: 1, unitCostTwd: 260 },
      { category: 'DELIVERY', description: '加密傳輸', quantity: 1, unitCostTwd: 40 },
      { category: 'INDIRECT', description: '機房與管理費用分攤', quantity: 0.25, unitCostTwd: 610 },
    ],
    exceptionReason: '客製化擷取需人工逐筆品質檢核，人事成本無法由邊際成本涵蓋。',
  },
  {
    id: 'f-02',
    name: { zh: '歷史雷達回波檔', en: 'Historical radar echo files' },
    unit: 'PER_FILE',
    amountTwd: 35,
    costLines: [
      { category: 'MEDIA', description: '封存媒體讀取', quantity: 1, unitCostTwd: 15 },
      { category: 'DELIVERY', description: '下載頻寬', quantity: 0.5, unitCostTwd: 41 },
    ],
  },
];

export function proposal(overrides: Partial<ReviewedProposal> = {}): ReviewedProposal {
  return {
    id: 'FP-2025-0042',
    title: { zh: '中央氣象署客製化氣象資料收費基準', en: 'CWA fee schedule for customised weather data' },
    agencyName: { zh: '交通部中央氣象署', en: 'Central Weather Administration' },
    version: 2,
    legalBasis: '規費法第10條；政府資訊公開法第22條',
    effectiveFrom: '2025-07-01',
    items: ITEMS.map(reviewedFeeItem),
    reductions: [
      { purpose: 'ACADEMIC', percent: 50 },
      { purpose: 'PUBLIC_INTEREST', percent: 50 },
    ],
    ...overrides,
  };
}

export const URLS = {
  ballot: 'https://fees.example.gov.tw/ballots/q8Zk3vN1xYtR0pW7mA2cLs',
  reminderBallot: 'https://fees.example.gov.tw/ballots/H4dT9bQe2sLw6KxVn0PzRa',
  proposal: 'https://fees.example.gov.tw/consultations/FP-2025-0042',
  report: 'https://fees.example.gov.tw/consultations/FP-2025-0042/report',
  reportPdf: 'https://fees.example.gov.tw/fee-proposals/FP-2025-0042/consultation-report?format=pdf',
  decision: 'https://fees.example.gov.tw/consultations/FP-2025-0042/decision',
  decisionPdf: 'https://fees.example.gov.tw/fee-proposals/FP-2025-0042/decision?format=pdf',
};

export function ballotView(overrides: Partial<BallotPageView> = {}): BallotPageView {
  return {
    member: { name: '林美惠', seat: 'SCHOLAR' },
    proposal: proposal(),
    reportUrl: URLS.report,
    reportPdfUrl: URLS.reportPdf,
    deadline: '2025-05-20T15:59:00Z',
    actionPath: '/ballots/q8Zk3vN1xYtR0pW7mA2cLs',
    ...overrides,
  };
}

export const HOSTILE = '<script>alert(1)</script>';

export const MEMBERS: DecisionRecordView['positions'] = [
  { name: '陳志明', seat: 'CONVENER', decision: 'APPROVE', reason: '', castAt: '2025-05-12T02:10:00Z' },
  {
    name: '李淑芬',
    seat: 'AGENCY',
    decision: 'APPROVE',
    reason: '成本計算有據。',
    castAt: '2025-05-12T06:40:00Z',
  },
  {
    name: '張雅婷',
    seat: 'CIVIL_SOCIETY',
    decision: 'REQUEST_CHANGES',
    reason: '學術與公益用途減收比率宜提高至 80%，並公開人工檢核工時之計算方式。',
    castAt: '2025-05-13T01:05:00Z',
  },
  { name: '黃建國', seat: 'CIVIL_SOCIETY', decision: null },
  {
    name: '林美惠',
    seat: 'SCHOLAR',
    decision: 'RECUSE',
    reason: '本人所屬研究中心為本資料之主要申請者。',
    castAt: '2025-05-11T09:30:00Z',
  },
  {
    name: 'Alice Wang',
    seat: 'SCHOLAR',
    decision: 'APPROVE',
    reason: 'Cost basis is documented line by line.',
    castAt: '2025-05-14T12:00:00Z',
  },
  {
    name: '吳宗憲',
    seat: 'INDUSTRY',
    decision: 'REJECT',
    reason: '雷達回波檔不應收費，應列為開放資料。',
    castAt: '2025-05-15T03:20:00Z',
  },
];

export function decisionView(overrides: Partial<DecisionRecordView> = {}): DecisionRecordView {
  return {
    proposal: {
      id: 'FP-2025-0042',
      version: 2,
      title: proposal().title,
      agencyName: proposal().agencyName,
    },
    group: { name: { zh: '交通部資料開放諮詢小組', en: 'MOTC open data advisory group' } },
    rule: { quorumFraction: 0.5 },
    vote: {
      opensAt: '2025-05-06T01:00:00Z',
      deadline: '2025-05-20T15:59:00Z',
      extensions: [],
    },
    tally: {
      seats: 6,
      recused: 1,
      quorum: 3,
      cast: 5,
      counts: { APPROVE: 3, REJECT: 1, REQUEST_CHANGES: 1 },
      quorumMet: true,
    },
    outcome: 'APPROVED',
    positions: MEMBERS,
    decidedAt: '2025-05-20T16:00:00Z',
    effectiveFrom: '2025-07-01',
    reviewBy: '2028-07-01',
    items: ITEMS.map(reviewedFeeItem).map((i) => ({
      id: i.id,
      name: i.name,
      unit: i.unit,
      amountTwd: i.amountTwd,
      documentedUnitCostTwd: i.documentedUnitCostTwd,
      marginalUnitCostTwd: i.marginalUnitCostTwd,
    })),
    ...overrides,
  };
}
