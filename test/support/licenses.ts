/**
 * License requests taken through the e-mail confirmation a licensee makes from the mailed link,
 * and datasets on application with fee schedules to request them under.
 */
import { expect } from 'vitest';
import { FeeProposalInputSchema } from '#domain/fee-proposal';
import { scheduleEntryOf, withSchedule, type FeeScheduleEntry } from '#domain/fee-schedule';
import { proposalRepository } from '#ports/proposal-repository';
import { datasetRepository } from '#ports/registry-repository';
import type { StoredDataset } from '#usecases/dataset-view';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';
import { validProposal } from './fixtures.ts';
import { linksIn, mailsTo } from './outbox.ts';
import type { apiClient } from './runtime.ts';

type Api = ReturnType<typeof apiClient>;

/** The secrets of the confirmation links mailed to `email`, oldest first. */
export async function confirmationSecrets(baseUrl: string, email: string): Promise<string[]> {
  // A mail in both languages carries its link in each: one secret per mail, in the order sent.
  const secrets = (await mailsTo(baseUrl, email))
    .flatMap(linksIn)
    .filter((l) => l.includes('/license-confirmations/'))
    .map((l) => l.split('/').at(-1)!);
  return [...new Set(secrets)];
}

/** The secrets of the "my licenses" links mailed to `email`, oldest first. */
export async function myLicensesSecrets(baseUrl: string, email: string): Promise<string[]> {
  return (await mailsTo(baseUrl, email))
    .flatMap(linksIn)
    .filter((l) => l.includes('/my-licenses/') && !l.endsWith('/my-licenses/new'))
    .map((l) => l.split('/').at(-1)!);
}

/**
 * POST /licenses, then the confirmation (JSON) from the link it mailed: the answer of the
 * confirmation (200 with the license), or the request's own refusal when it was refused.
 */
export async function requestAndConfirm(
  api: Api,
  baseUrl: string,
  request: { licensee: { email: string } & Record<string, unknown> } & Record<string, unknown>,
) {
  const requested = await api.post('/licenses', request);
  if (requested.status !== 202) return requested;
  const secret = (await confirmationSecrets(baseUrl, request.licensee.email)).at(-1);
  if (!secret) throw new Error(`no confirmation link mailed to ${request.licensee.email}`);
  return api.call('POST', `/license-confirmations/${secret}`, { body: {} });
}

/** How the paid schedule's licensees pay. */
export const PAYMENT = {
  payee: { zh: '內政部國土測繪中心', en: 'National Land Surveying and Mapping Center' },
  methods: [
    {
      method: 'BANK_TRANSFER',
      details: {
        zh: '臺灣銀行黎明分行 帳號 012-345-678901',
        en: 'Bank of Taiwan, Liming branch, account 012-345-678901',
      },
    },
    {
      method: 'COUNTER',
      details: {
        zh: '臺中市南屯區黎明路二段 497 號 1 樓，週一至週五 8:30–17:00',
        en: '1F, 497 Liming Rd Sec 2, Taichung; weekdays 8:30–17:00',
      },
    },
  ],
};

/** Items of the cadastral schedules: one sheet, or a custom extract nobody asks for by default. */
export const SHEET_AND_EXTRACT = [
  {
    ...validProposal().items[0],
    amountTwd: 20,
    maxQuantity: 500,
    costLines: [{ category: 'MEDIA', description: 'Copy', quantity: 1, unitCostTwd: 20 }],
  },
  {
    ...validProposal().items[0],
    id: 'extract',
    unit: 'PER_REQUEST',
    amountTwd: 1500,
    costLines: [{ category: 'PERSONNEL', description: 'Extraction', quantity: 3, unitCostTwd: 500 }],
  },
];

export interface ScheduleToPublish {
  proposalId: string;
  effectiveFrom: string;
  items?: unknown[];
  paymentInstructions?: unknown;
}

/**
 * A dataset of `moi-nlsc` on application with approved schedules published on it (stored
 * directly: the review that leads to them is the review tests' subject). `runtime` is in this
 * process, so its repositories are the ones imported here.
 */
export async function publishSchedules(
  { runtime, api, agencyToken }: { runtime: LocalRuntime; api: Api; agencyToken: string },
  id: string,
  schedules: ScheduleToPublish[],
): Promise<void> {
  const created = await api.post(
    '/datasets',
    {
      id,
      agencyId: SEED.subordinate,
      title: { zh: `地籍圖 ${id}`, en: `Cadastral maps ${id}` },
      version: '2026-Q4',
      classification: 'ON_APPLICATION',
      releaseYear: 2025,
      conditionsOfUse: {
        title: { zh: '數值地籍圖資料提供使用規範', en: 'Conditions of use for digital cadastral maps' },
        version: '2025.1',
        url: 'https://www.nlsc.gov.tw/conditions/cadastral-maps',
      },
    },
    agencyToken,
  );
  expect(created.status, created.text).toBe(201);
  let entries: FeeScheduleEntry[] = [];
  for (const { proposalId, effectiveFrom, items, paymentInstructions } of schedules) {
    const now = runtime.clock.now().toISOString();
    const proposal = {
      ...FeeProposalInputSchema.parse(
        validProposal({
          datasetIds: [id],
          effectiveFrom,
          ...(items ? { items } : {}),
          ...(paymentInstructions ? { paymentInstructions } : {}),
        }),
      ),
      id: proposalId,
      status: 'APPROVED' as const,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await proposalRepository.create(proposal);
    entries = withSchedule(entries, scheduleEntryOf(proposal, 'APPROVED', now));
  }
  const dataset = (await datasetRepository.get(id))!;
  const withSchedules: StoredDataset = { ...dataset.value, feeSchedules: entries };
  await datasetRepository.replace(withSchedules, dataset.revision);
}
