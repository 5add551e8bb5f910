// The operator console: the registry from the browser's forms (agencies with the ids agencies have,
// advisory groups with members and rule, accounts), each refusal by its field, and the accounts
// deciding who a person acts for at their next sign-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime } from '../../support/runtime.ts';
import { signInAs } from '../../support/workspace.ts';
import type { WorkspaceClient } from '../../support/workspace.ts';
import type { LocalRuntime } from '#local/runtime';
import { agencyRepository, advisoryGroupRepository } from '#ports/registry-repository';
import { accountRepository } from '#ports/account-repository';

let runtime: LocalRuntime;
let operator: WorkspaceClient;

beforeAll(async () => {
  runtime = await startTestRuntime();
  ({ client: operator } = await signInAs(runtime.url, 'operator'));
});
afterAll(async () => runtime?.close());

describe('the operator console', () => {
  it('shows the agency tree, the seeded group with its convener and rule, and the seeded accounts', async () => {
    // Act
    const page = await operator.get('/operator');

    // Assess
    expect(page.status).toBe(200);
    expect(page.text).toMatch(
      /內政部[\s\S]*<code>moi<\/code>[\s\S]*<ul class="tree">[\s\S]*內政部國土測繪中心/,
    );
    expect(page.text).toContain('內政部資料開放諮詢小組');
    expect(page.text).toMatch(/陳志明\s*<strong>（召集人/);
    expect(page.text).toContain('出席比例 0.5');
    for (const name of ['林怡君', '陳建宏', '黃淑華']) expect(page.text).toContain(name);
  });

  it('registers an agency under its official code, under a parent, and shows it in the tree', async () => {
    // Act
    const res = await operator.post('/operator/agencies', {
      id: '301000000A',
      'name.zh': '內政部地政司',
      'name.en': 'Department of Land Administration',
      parentId: 'moi',
      contactEmail: '',
    });

    // Assess
    expect(res.status).toBe(303);
    expect(res.location).toBe('/operator?done=agency#agencies');
    expect(await agencyRepository.get('301000000A')).toMatchObject({ parentId: 'moi' });
    const page = await operator.get(res.location!);
    expect(page.text).toContain('機關已登錄');
    expect(page.text).toMatch(/內政部國土測繪中心[\s\S]*內政部地政司/);
  });

  it('refuses an agency form by its fields, keeps what was typed and stores nothing', async () => {
    // Act
    const res = await operator.post('/operator/agencies', {
      id: 'bad id',
      'name.zh': '',
      'name.en': 'Somewhere',
      parentId: '',
      contactEmail: '',
    });

    // Assess
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toContain('請修正以下欄位');
    expect(res.text).toMatch(/href="#f-agency-id"/);
    expect(res.text).toMatch(/href="#f-agency-name-zh"/);
    expect(res.text).toMatch(/id="f-agency-id"[^>]*value="bad id"|value="bad id"[^>]*id="f-agency-id"/);
    expect(res.text).toMatch(/aria-invalid="true"/);
    expect(await agencyRepository.get('bad id')).toBeUndefined();
  });

  it('refuses an agency whose id exists with 409 on the id field, without overwriting it', async () => {
    const res = await operator.post('/operator/agencies', {
      id: 'moi',
      'name.zh': '別的',
      'name.en': 'Other',
    });
    expect(res.status).toBe(409);
    expect(res.text).toContain('請修正以下欄位');
    expect((await agencyRepository.get('moi'))!.name.zh).toBe('內政部');
  });

  it('registers an advisory group from its member rows (empty ones left out) and its decision rule', async () => {
    // Prepare
    await operator.post('/operator/agencies', {
      id: 'mof',
      'name.zh': '財政部',
      'name.en': 'Ministry of Finance',
    });

    // Act
    const res = await operator.post('/operator/advisory-groups', {
      id: 'mof-open-data',
      agencyId: 'mof',
      'name.zh': '財政部資料開放諮詢小組',
      'name.en': 'MOF Open Data Advisory Group',
      'members.0.id': 'chair',
      'members.0.name': '王召集',
      'members.0.email': 'chair@mof.example.tw',
      'members.0.seat': 'CONVENER',
      'members.2.id': 'scholar',
      'members.2.name': '李教授',
      'members.2.email': 'scholar@mof.example.tw',
      'members.2.seat': 'SCHOLAR',
      'decisionRule.votePeriodDays': '21',
    });

    // Assess
    expect(res.status).toBe(303);
    const group = await advisoryGroupRepository.get('mof-open-data');
    expect(group!.members.map((m) => m.id)).toEqual(['chair', 'scholar']);
    expect(group!.decisionRule).toMatchObject({ votePeriodDays: 21, quorumFraction: 0.5 });
  });

  it('points a refused member at its own row', async () => {
    // Act
    const res = await operator.post('/operator/advisory-groups', {
      id: 'mof-second',
      agencyId: 'mof',
      'name.zh': '小組',
      'name.en': 'Group',
      'members.3.id': 'x1',
      'members.3.name': '某甲',
      'members.3.email': 'not-an-address',
      'members.3.seat': 'SCHOLAR',
    });

    // Assess
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/href="#f-group-members-3-email"/);
    expect(await advisoryGroupRepository.get('mof-second')).toBeUndefined();
  });

  it('records an account, and the person acts for that agency from their next sign-in', async () => {
    // Act: the ministry clerk is moved to moi-nlsc.
    const res = await operator.post('/operator/accounts', {
      sub: 'moi-clerk',
      name: '陳建宏',
      email: 'clerk@moi.example.tw',
      role: 'agency',
      agencyId: 'moi-nlsc',
    });
    const { client } = await signInAs(runtime.url, 'moi-clerk');

    // Assess
    expect(res.status).toBe(303);
    expect((await accountRepository.get('moi-clerk'))!.account.agencyId).toBe('moi-nlsc');
    expect((await client.get('/agency')).text).toMatch(/代表 moi-nlsc/);
  });

  it('refuses an agency account without an agency by that field', async () => {
    const res = await operator.post('/operator/accounts', {
      sub: 'new-clerk',
      name: '新人',
      email: 'new@moi.example.tw',
      role: 'agency',
      agencyId: '',
    });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/href="#f-account-agencyId"/);
  });

  it('shuts a disabled account out at its next sign-in, with a page', async () => {
    // Prepare
    await operator.post('/operator/accounts', {
      sub: 'gone-clerk',
      name: '離職者',
      email: 'gone@moi.example.tw',
      role: 'agency',
      agencyId: 'moi',
    });
    await operator.post('/operator/accounts', {
      sub: 'gone-clerk',
      name: '離職者',
      email: 'gone@moi.example.tw',
      role: '',
    });

    // Act: the local provider lists recorded accounts that may act, so sign in through the callback
    // with the seeded clerk whose account is disabled instead.
    await operator.post('/operator/accounts', {
      sub: 'nlsc-clerk',
      name: '林怡君',
      email: 'clerk@nlsc.example.tw',
      role: '',
    });
    const attempt = await signInAs(runtime.url, 'nlsc-clerk').catch((error: Error) => error);

    // Assess
    expect(attempt).toBeInstanceOf(Error);
    expect(String(attempt)).toContain('403');
  });

  it('is not for an agency clerk: a page, not the console', async () => {
    const { client } = await signInAs(runtime.url, 'moi-clerk');
    const res = await client.post('/operator/agencies', { id: 'sneaky', 'name.zh': '甲', 'name.en': 'A' });
    expect(res.status).toBe(403);
    expect(await agencyRepository.get('sneaky')).toBeUndefined();
  });
});
