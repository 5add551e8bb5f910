// An advisory group's edit page in the operator console: the stored group in the form, a save
// through the create route's schema and the domain's edit rules, a refusal by its field in both
// languages with nothing stored, and a save over another edit refused with a 409 page to reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime } from '../../support/runtime.ts';
import { signInAs } from '../../support/workspace.ts';
import type { WorkspaceClient } from '../../support/workspace.ts';
import type { LocalRuntime } from '#local/runtime';
import { advisoryGroupRepository } from '#ports/registry-repository';
import { groupValues } from '#http/group-edit-form';

let runtime: LocalRuntime;
let operator: WorkspaceClient;
const GROUP = 'edit-test-group';
const PATH = `/operator/advisory-groups/${GROUP}`;

/** The stored group as its form posts it, with the changes given. */
async function form(changes: Record<string, string>): Promise<Record<string, string>> {
  const found = await advisoryGroupRepository.getVersioned(GROUP);
  return { ...groupValues(found!.value, found!.revision), action: 'save', ...changes };
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  ({ client: operator } = await signInAs(runtime.url, 'operator'));
  await operator.post('/operator/agencies', {
    id: 'edit-test-agency',
    'name.zh': '測試部',
    'name.en': 'Test',
  });
  const made = await operator.post('/operator/advisory-groups', {
    id: GROUP,
    agencyId: 'edit-test-agency',
    'name.zh': '測試部諮詢小組',
    'name.en': 'Test advisory group',
    'members.0.id': 'chair',
    'members.0.name': '王召集',
    'members.0.email': 'chair@edit.example.tw',
    'members.0.seat': 'CONVENER',
    'members.1.id': 'scholar',
    'members.1.name': '李教授',
    'members.1.email': 'scholar@edit.example.tw',
    'members.1.seat': 'SCHOLAR',
  });
  expect(made.status).toBe(303);
});
afterAll(async () => runtime?.close());

describe('editing an advisory group in the console', () => {
  it('shows the stored group, its members and the revision read', async () => {
    const page = await operator.get(PATH);
    expect(page.status).toBe(200);
    expect(page.text).toContain('value="scholar@edit.example.tw"');
    expect(page.text).toMatch(/name="revision" value="\d+"/);
    expect(page.text).toContain('已開始的投票仍以開始時的委員名單');
  });

  it('saves a new address, a member joining and the rule, keeping id and agency', async () => {
    const res = await operator.post(
      PATH,
      await form({
        'members.1.email': 'li.new@edit.example.tw',
        'members.2.id': 'industry',
        'members.2.name': '蔡代表',
        'members.2.email': 'industry@edit.example.tw',
        'members.2.seat': 'INDUSTRY',
        'decisionRule.votePeriodDays': '21',
      }),
    );
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${PATH}?saved=1`);
    const group = await advisoryGroupRepository.get(GROUP);
    expect(group).toMatchObject({ id: GROUP, agencyId: 'edit-test-agency' });
    expect(group!.members.map((m) => m.email)).toEqual([
      'chair@edit.example.tw',
      'li.new@edit.example.tw',
      'industry@edit.example.tw',
    ]);
    expect(group!.decisionRule.votePeriodDays).toBe(21);
    expect((await operator.get(res.location!)).text).toContain('已儲存');
  });

  it('refuses a broken address by its field in both languages and stores nothing', async () => {
    const before = await advisoryGroupRepository.getVersioned(GROUP);
    const res = await operator.post(PATH, await form({ 'members.1.email': 'not-an-address' }));
    expect(res.status).toBe(400);
    expect(res.text).toContain('尚未儲存');
    expect(res.text).toMatch(
      /id="f-members-1-email"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-members-1-email"/s,
    );
    expect(res.text).toContain('id="f-members-1-email-error"');
    expect(res.text).toContain('value="not-an-address"');
    expect(await advisoryGroupRepository.getVersioned(GROUP)).toEqual(before);
  });

  it('refuses a save over an edit made since the form was read with a 409 page to reload', async () => {
    const stale = await form({ 'name.zh': '第一次修改' });
    expect((await operator.post(PATH, await form({ 'name.zh': '他人的修改' }))).status).toBe(303);
    const res = await operator.post(PATH, stale);
    expect(res.status).toBe(409);
    expect(res.text).toContain('重新載入');
    expect(res.text).toContain(`href="${PATH}"`);
    expect((await advisoryGroupRepository.get(GROUP))!.name.zh).toBe('他人的修改');
  });

  it('answers an unknown group with a 404 page', async () => {
    const res = await operator.get('/operator/advisory-groups/no-such-group');
    expect(res.status).toBe(404);
    expect(res.text).toContain('<html');
  });
});
