// The datasets desk in Chromium, signed in as the NLSC clerk: a dataset registered from the form
// (refused first by its field, in both languages, for a data class that needs a legal reason),
// then edited (a new version, the distribution hash; a class that needs conditions of use refused
// at their first field). Screenshots at 1280 and 390 px.
import { beforeAll, describe, expect, it } from 'vitest';
import { datasetRepository } from '#ports/registry-repository';
import { SEED } from '#local/seed';
import { browserRuntime } from './support/browser-runtime.ts';
import {
  shotsAtBothWidths,
  signInInBrowser,
  workspaceAnswers,
  type WorkspaceAnswer,
} from './support/workspace.ts';

const w = browserRuntime();
/** Every workspace answer the browser received that has a body: none may be JSON. */
let workspaceResponses: WorkspaceAnswer[] = [];
const ID = 'nlsc-aerial-photos';
const SHA = 'AB'.repeat(32);

beforeAll(async () => {
  workspaceResponses = workspaceAnswers(w.page);
});

const save = () =>
  Promise.all([w.page.waitForLoadState('load'), w.page.getByRole('button', { name: /儲存/ }).click()]);

const shots = (name: string) => shotsAtBothWidths(w.page, name);

describe('the datasets desk', () => {
  it('lists the agency’s datasets with their class', async () => {
    await signInInBrowser(w.page, w.runtime.url, 'nlsc-clerk', '/agency/datasets');
    const text = ((await w.page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain(SEED.datasets.onApplication);
    expect(text).toContain('依申請提供');
    expect(await w.page.locator('nav.workspace a[aria-current=page]').textContent()).toContain('資料集');
    await shots('datasets-desk');
  });

  it('registers a dataset, refused first by the field its data class needs', async () => {
    await w.page.getByRole('link', { name: /登錄資料集/ }).click();
    await w.page.waitForURL(`${w.runtime.url}/agency/datasets/new`);
    await w.page.locator('#f-id').fill(ID);
    await w.page.locator('#f-title-zh').fill('航空照片');
    await w.page.locator('#f-title-en').fill('Aerial photographs');
    await w.page.locator('#f-version').fill('2026');
    await w.page.locator('input[name=classification][value=NOT_PROVIDED]').check();
    await save();

    expect(workspaceResponses.at(-1)).toMatchObject({ status: 400 });
    expect(await w.page.locator('.error-summary a[href="#f-notProvidedReason"]').count()).toBe(1);
    const error = ((await w.page.locator('#f-notProvidedReason-error').textContent()) ?? '').replace(
      /\s+/g,
      ' ',
    );
    expect(error).toContain('不提供之資料集須載明其法律依據。');
    expect(error).toContain('A dataset that is not provided must state the legal reason.');
    expect(await w.page.locator('#f-title-zh').inputValue()).toBe('航空照片');
    await shots('dataset-refused');
    expect(await datasetRepository.get(ID)).toBeUndefined();

    await w.page.locator('#f-notProvidedReason').fill('國家安全法第 8 條');
    await Promise.all([
      w.page.waitForURL(/\/agency\/datasets\?saved=/),
      w.page.getByRole('button', { name: /儲存/ }).click(),
    ]);
    expect(await w.page.locator('[role=status]').textContent()).toContain(`資料集 ${ID} 已儲存`);
    expect((await datasetRepository.get(ID))!.value).toMatchObject({
      agencyId: SEED.subordinate,
      classification: 'NOT_PROVIDED',
      notProvidedReason: '國家安全法第 8 條',
    });
  });

  it('edits it: what is stored in the form, a class needing conditions of use refused at them, then saved', async () => {
    await w.page.getByRole('link', { name: new RegExp(`編輯.*${ID}`) }).click();
    await w.page.waitForURL(`${w.runtime.url}/agency/datasets/${ID}/edit`);
    expect(await w.page.locator('#f-title-zh').inputValue()).toBe('航空照片');
    expect(await w.page.locator('input[name=id]').count()).toBe(0);
    await w.page.locator('input[name=classification][value=ON_APPLICATION]').check();
    await save();
    expect(workspaceResponses.at(-1)).toMatchObject({ status: 400 });
    const error = ((await w.page.locator('#f-conditionsOfUse-title-zh-error').textContent()) ?? '').replace(
      /\s+/g,
      ' ',
    );
    expect(error).toContain('申請提供之資料須載明授權所依據之利用條件。');

    await w.page.locator('#f-conditionsOfUse-title-zh').fill('航空照片提供使用規範');
    await w.page.locator('#f-conditionsOfUse-title-en').fill('Conditions of use for aerial photographs');
    await w.page.locator('#f-conditionsOfUse-version').fill('1.0');
    await w.page.locator('#f-conditionsOfUse-url').fill('https://www.nlsc.gov.tw/conditions/aerial');
    await w.page.locator('#f-version').fill('2027');
    await w.page.locator('#f-distributionSha256').fill(SHA);
    await shots('dataset-edit');
    await Promise.all([
      w.page.waitForURL(/\/agency\/datasets\?saved=/),
      w.page.getByRole('button', { name: /儲存/ }).click(),
    ]);
    expect((await datasetRepository.get(ID))!.value).toMatchObject({
      id: ID,
      version: '2027',
      classification: 'ON_APPLICATION',
      distributionSha256: SHA.toLowerCase(),
      conditionsOfUse: {
        version: '1.0',
        url: 'https://www.nlsc.gov.tw/conditions/aerial',
        sublicensing: false,
      },
    });
  });

  it('answered every workspace request with a page, never JSON', () => {
    expect(workspaceResponses.length).toBeGreaterThan(4);
    for (const r of workspaceResponses) expect(r.type, r.url).toMatch(/^text\/html/);
  });
});
