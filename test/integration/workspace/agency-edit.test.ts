// An agency's edit page in the operator console: the stored names and contact e-mail in the form,
// a save through the create route's schema keeping the id and the parent, a refusal by its field
// in both languages with nothing stored, and a save over another edit refused with a 409 page to
// reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime } from '../../support/runtime.ts';
import { signInAs } from '../../support/workspace.ts';
import type { WorkspaceClient } from '../../support/workspace.ts';
import type { LocalRuntime } from '#local/runtime';
import { agencyRepository } from '#ports/registry-repository';
import { agencyValues } from '#http/agency-edit-form';

let runtime: LocalRuntime;
let operator: WorkspaceClient;
const AGENCY = '301000000A';
const PATH = `/operator/agencies/${AGENCY}`;

/** The stored agency as its form posts it, with the changes given. */
async function form(changes: Record<string, string>): Promise<Record<string, string>> {
  const found = await agencyRepository.getVersioned(AGENCY);
  return { ...agencyValues(found!.value, found!.revision), ...changes };
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  ({ client: operator } = await signInAs(runtime.url, 'operator'));
  const made = await operator.post('/operator/agencies', {
    id: AGENCY,
    'name.zh': '內政部地政司',
    'name.en': 'Department of Land Administration',
    parentId: 'moi',
    contactEmail: 'land@moi.example.tw',
  });
  expect(made.status).toBe(303);
});
afterAll(async () => runtime?.close());

describe('editing an agency in the console', () => {
  it('is linked from the console’s tree', async () => {
    const page = await operator.get('/operator');
    expect(page.text).toContain(`href="${PATH}"`);
  });

  it('shows the stored names, the contact e-mail, the parent and the revision read', async () => {
    const page = await operator.get(PATH);
    expect(page.status).toBe(200);
    expect(page.text).toContain('value="內政部地政司"');
    expect(page.text).toContain('value="land@moi.example.tw"');
    expect(page.text).toContain('<code>moi</code>');
    expect(page.text).toMatch(/name="revision" value="\d+"/);
  });

  it('saves new names and a new address, keeping the id and the parent', async () => {
    const res = await operator.post(
      PATH,
      await form({
        'name.zh': '內政部地政司（新）',
        'name.en': 'Land Administration',
        contactEmail: 'new@moi.example.tw',
      }),
    );
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${PATH}?saved=1`);
    expect(await agencyRepository.get(AGENCY)).toEqual({
      id: AGENCY,
      parentId: 'moi',
      name: { zh: '內政部地政司（新）', en: 'Land Administration' },
      contactEmail: 'new@moi.example.tw',
    });
    expect((await operator.get(res.location!)).text).toContain('已儲存');
    // Still a child of its parent in the tree.
    const children = (await agencyRepository.list()).filter((a) => a.parentId === 'moi').map((a) => a.id);
    expect(children).toContain(AGENCY);
  });

  it('takes an emptied address as none: the agency gets no mail', async () => {
    const res = await operator.post(PATH, await form({ contactEmail: '' }));
    expect(res.status).toBe(303);
    expect((await agencyRepository.get(AGENCY))!.contactEmail).toBeUndefined();
    expect((await operator.post(PATH, await form({ contactEmail: 'new@moi.example.tw' }))).status).toBe(303);
  });

  it('refuses a broken address and an empty Chinese name by their fields in both languages, storing nothing', async () => {
    const before = await agencyRepository.getVersioned(AGENCY);
    const res = await operator.post(PATH, await form({ 'name.zh': '', contactEmail: 'not-an-address' }));
    expect(res.status).toBe(400);
    expect(res.text).toContain('尚未儲存');
    for (const id of ['f-name-zh', 'f-contactEmail']) {
      expect(res.text).toMatch(
        new RegExp(`id="${id}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="${id}"`, 's'),
      );
      expect(res.text).toContain(`id="${id}-error"`);
    }
    expect(res.text).toContain('value="not-an-address"');
    expect(await agencyRepository.getVersioned(AGENCY)).toEqual(before);
  });

  it('ignores an id or a parent posted with the form', async () => {
    const res = await operator.post(
      PATH,
      await form({ id: 'moi-nlsc', parentId: 'moi-nlsc', 'name.zh': '地政司' }),
    );
    expect(res.status).toBe(303);
    expect(await agencyRepository.get(AGENCY)).toMatchObject({
      id: AGENCY,
      parentId: 'moi',
      name: { zh: '地政司' },
    });
    expect((await agencyRepository.get('moi-nlsc'))!.name.zh).not.toBe('地政司');
  });

  it('refuses a save over an edit made since the form was read with a 409 page to reload', async () => {
    const stale = await form({ 'name.zh': '第一次修改' });
    expect((await operator.post(PATH, await form({ 'name.zh': '他人的修改' }))).status).toBe(303);
    const res = await operator.post(PATH, stale);
    expect(res.status).toBe(409);
    expect(res.text).toContain('重新載入');
    expect(res.text).toContain(`href="${PATH}"`);
    expect((await agencyRepository.get(AGENCY))!.name.zh).toBe('他人的修改');
  });

  it('answers an unknown agency with a 404 page', async () => {
    const res = await operator.get('/operator/agencies/no-such-agency');
    expect(res.status).toBe(404);
    expect(res.text).toContain('<html');
  });
});
