/** Request bodies that pass every rule, for tests to start from and break one thing at a time. */
import { SEED } from '#local/seed';

export function validProposal(overrides: Record<string, unknown> = {}) {
  return {
    agencyId: SEED.subordinate,
    datasetIds: [SEED.datasets.onApplication],
    title: { zh: '數值地籍圖收費基準', en: 'Fee schedule for digital cadastral maps' },
    justification: {
      publicInterest: '客製化圖檔需人工裁切與轉檔，收費以回收成本為限。',
      privacyAndTradeSecrets: '圖檔不含個人資料。',
      costOfProduction: '每幅圖需約半小時人工處理。',
      rightsHeld: '本中心擁有完整著作財產權。',
    },
    legalBasis: '規費法第 10 條',
    explanationUrl: 'https://www.nlsc.gov.tw/fees',
    items: [
      {
        id: 'sheet',
        name: { zh: '地籍圖數值檔（每幅）', en: 'Cadastral map file (per sheet)' },
        unit: 'PER_FILE',
        amountTwd: 200,
        costLines: [
          { category: 'PERSONNEL', description: 'Clipping and conversion', quantity: 0.5, unitCostTwd: 400 },
          { category: 'MEDIA', description: 'Storage and transfer', quantity: 1, unitCostTwd: 20 },
        ],
        exceptionReason: 'Each sheet is clipped and converted by hand for the applicant.',
      },
    ],
    reductions: [{ purpose: 'ACADEMIC', percent: 50 }],
    effectiveFrom: '2029-01-01',
    ...overrides,
  };
}
