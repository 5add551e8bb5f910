// Builders for valid domain inputs; each test changes only the field it is about.
import type { Dataset } from '#domain/dataset';
import type { CostLine, FeeItem, FeeProposalInput } from '#domain/fee-proposal';

export function costLine(overrides: Partial<CostLine> = {}): CostLine {
  return { category: 'MEDIA', description: 'Copy to medium', quantity: 1, unitCostTwd: 100, ...overrides };
}

export function feeItem(overrides: Partial<FeeItem> = {}): FeeItem {
  return {
    id: 'extract',
    name: { zh: '資料擷取', en: 'Data extract' },
    unit: 'PER_REQUEST',
    amountTwd: 100,
    costLines: [costLine()],
    ...overrides,
  };
}

export function dataset(overrides: Partial<Dataset> = {}): Dataset {
  return {
    id: 'household-register',
    agencyId: 'moi-ris',
    title: { zh: '戶籍資料', en: 'Household register' },
    version: '2026.1',
    classification: 'ON_APPLICATION',
    conditionsOfUse: {
      title: { zh: '戶籍資料提供使用規範', en: 'Conditions of use for household register data' },
      version: '1',
      url: 'https://www.ris.gov.tw/conditions',
      sublicensing: false,
    },
    ...overrides,
  };
}

export function proposalInput(overrides: Partial<FeeProposalInput> = {}): FeeProposalInput {
  return {
    agencyId: 'moi-ris',
    datasetIds: ['household-register'],
    title: { zh: '戶籍資料收費基準', en: 'Household register fee schedule' },
    justification: {
      publicInterest: '提供研究使用。',
      privacyAndTradeSecrets: '已去識別化。',
      costOfProduction: '需人工審核與擷取。',
      rightsHeld: '本部擁有完整權利。',
    },
    legalBasis: '規費法第10條',
    items: [feeItem()],
    reductions: [],
    effectiveFrom: '2026-07-01',
    ...overrides,
  };
}
