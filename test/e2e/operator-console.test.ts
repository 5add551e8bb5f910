// The operator console in Chromium: an operator registers an agency under its official code,
// first refused by its fields (summary and message by the field), then accepted into the tree;
// records an account; sees a stopped review with its cause, confirms its restart with a reason
// (first refused without one) and sees it running, the reason on the public trail; edits the
// advisory group (a member's new e-mail; a second convener refused by its seat; saved); edits an
// agency from the tree (refused by its field, then saved); the console and the group's and the
// agency's edit pages at 390 px and 1280 px.
import { beforeAll, describe, expect, it } from 'vitest';
import { reviewExecutions } from '../support/review-executions.ts';
import { reviewFlow } from '../support/review-flow.ts';
import { stopReview } from '../support/stopped-review.ts';
import { SEED } from '#local/seed';
import { screenshot } from './support/browser.ts';
import { browserRuntime } from './support/browser-runtime.ts';
import { signInInBrowser } from './support/workspace.ts';

const w = browserRuntime();
/** A proposal in consultation whose review was stopped by hand. */
let stopped: string;

beforeAll(async () => {
  const agencyToken = await w.runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
  stopped = await reviewFlow(w.runtime, agencyToken).proposalSubmitted();
  await w.runtime.settle();
  await stopReview(stopped);
  await signInInBrowser(w.page, w.runtime.url, 'operator', '/operator');
});

const agencyForm = () => w.page.locator('form[action="/operator/agencies"]');

describe('the operator console in a browser', () => {
  it('refuses an agency without its Chinese name by that field, then registers it under its official code', async () => {
    // Act: the Chinese name left empty.
    await agencyForm()
      .getByLabel(/^機關代碼/)
      .fill('301000000A');
    await agencyForm()
      .getByLabel(/^英文名稱/)
      .fill('Department of Land Administration');
    await agencyForm()
      .getByLabel(/^上級機關/)
      .selectOption('moi');
    await Promise.all([
      w.page.waitForURL(`${w.runtime.url}/operator/agencies`),
      agencyForm().getByRole('button').click(),
    ]);

    // Assess
    const summary = agencyForm().locator('.error-summary');
    expect(await summary.textContent()).toContain('請修正以下欄位');
    expect(await agencyForm().locator('#f-agency-name-zh').getAttribute('aria-invalid')).toBe('true');
    expect(await agencyForm().locator('#f-agency-id').inputValue()).toBe('301000000A');
    await screenshot(w.page, 'operator-console-refused');
    await summary.getByRole('link').first().click();
    expect(await w.page.evaluate<string>('document.activeElement.id')).toBe('f-agency-name-zh');

    // Act: filled in, sent again.
    await agencyForm().locator('#f-agency-name-zh').fill('內政部地政司');
    await Promise.all([
      w.page.waitForURL(/\/operator\?done=agency/),
      agencyForm().getByRole('button').click(),
    ]);

    // Assess
    expect(await w.page.locator('.notice.ok').textContent()).toContain('機關已登錄');
    expect(await w.page.locator('#agencies + ul.tree').textContent()).toContain('301000000A');
  });

  it('records an account acting for the new agency', async () => {
    const form = w.page.locator('form[action="/operator/accounts"]');
    await form.getByLabel(/^登入識別碼/).fill('dla-clerk');
    await form.getByLabel(/^姓名/).fill('張地政');
    await form.getByLabel(/^電子郵件/).fill('clerk@dla.example.tw');
    await form.getByLabel(/^角色/).selectOption('agency');
    await form.getByLabel(/^代表機關/).selectOption('301000000A');
    await Promise.all([w.page.waitForURL(/\/operator\?done=account/), form.getByRole('button').click()]);
    expect(await w.page.locator('#accounts ~ .scroll table').textContent()).toContain('張地政');
  });

  it('lists the stopped review with its cause, and restarts it once confirmed with a reason', async () => {
    // Arrange
    await w.page.goto(new URL('/operator', w.runtime.url).href);
    const listed = w.page.locator('#reviews + ul.stopped li', { hasText: stopped });
    expect(await listed.textContent()).toContain('Stopped by hand in the Step Functions console.');

    // Act: to the confirmation step, confirmed without a reason.
    await Promise.all([
      w.page.waitForURL(`${w.runtime.url}/operator/reviews/${stopped}`),
      listed.getByRole('link', { name: /重新啟動/ }).click(),
    ]);
    expect(await w.page.locator('main').textContent()).toContain('從「等待公開徵詢截止」接續');
    await screenshot(w.page, 'operator-review-stopped');
    const confirm = w.page.getByRole('button', { name: /確認重新啟動/ });
    await Promise.all([
      w.page.waitForURL(`${w.runtime.url}/operator/reviews/${stopped}/restart`),
      confirm.click(),
    ]);

    // Assess: refused by its field, nothing started.
    expect(await w.page.locator('.error-summary').textContent()).toContain('重新啟動理由');
    expect(await w.page.locator('#f-reason').getAttribute('aria-invalid')).toBe('true');
    expect(await reviewExecutions(stopped)).toEqual({ [`${stopped}-v1-r1`]: 'ABORTED' });

    // Act: with the reason.
    await w.page.locator('#f-reason').fill('排程服務已恢復。');
    await Promise.all([
      w.page.waitForURL(`${w.runtime.url}/operator/reviews/${stopped}?done=restart`),
      w.page.getByRole('button', { name: /確認重新啟動/ }).click(),
    ]);

    // Assess: running as attempt 2, no longer listed, the reason on the public trail.
    expect(await w.page.locator('.notice.ok').textContent()).toContain('審議流程已重新啟動，正在執行');
    expect(await w.page.locator('main').textContent()).toContain(`${stopped}-v1-r1-a2`);
    await screenshot(w.page, 'operator-review-restarted');
    expect(await reviewExecutions(stopped)).toMatchObject({ [`${stopped}-v1-r1-a2`]: 'RUNNING' });
    await w.page.goto(new URL('/operator', w.runtime.url).href);
    expect(await w.page.locator('#reviews + ul.stopped li', { hasText: stopped }).count()).toBe(0);
    await w.page.goto(new URL(`/consultations/${stopped}/events`, w.runtime.url).href);
    expect(await w.page.locator('main').textContent()).toContain('排程服務已恢復。');
  });

  it('edits the advisory group: a member’s new e-mail, a second convener refused by its seat, then saved', async () => {
    // Arrange: from the console’s list to the group's edit page.
    await w.page.goto(new URL('/operator', w.runtime.url).href);
    const editPath = `/operator/advisory-groups/${SEED.group}`;
    await Promise.all([
      w.page.waitForURL(`${w.runtime.url}${editPath}`),
      w.page.getByRole('link', { name: /編輯小組/ }).click(),
    ]);
    expect(await w.page.locator('#f-members-1-email').inputValue()).toBe('agency-rep@advisory.example.tw');
    expect(await w.page.locator('main').textContent()).toContain('已開始的投票仍以開始時的委員名單');
    /** Presses a button of the form, which posts it back to the same page. */
    const press = async (name: RegExp) => {
      await Promise.all([
        w.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(editPath)),
        w.page.getByRole('button', { name }).last().click(),
      ]);
      await w.page.waitForLoadState('load');
    };

    // Act: a row added and removed again with the buttons (no script), nothing saved.
    await press(/新增委員/);
    expect(await w.page.locator('fieldset.member').count()).toBe(8);
    await press(/移除委員 8/);
    expect(await w.page.locator('fieldset.member').count()).toBe(7);

    // Act: a new address for member 2, who is also made a second convener.
    await w.page.locator('#f-members-1-email').fill('lin.meihui@advisory.example.tw');
    await w.page.locator('#f-members-1-seat').selectOption('CONVENER');
    await press(/^儲存/);

    // Assess: refused by that seat, in both languages, as typed.
    const summary = w.page.locator('.error-summary');
    expect(await summary.textContent()).toContain('小組須有一位、且只有一位召集人');
    expect(await w.page.locator('#f-members-1-seat').getAttribute('aria-invalid')).toBe('true');
    const message = await w.page.locator('#f-members-1-seat-error').textContent();
    expect(message).toContain('只能有一位召集人');
    expect(message).toContain('one convener only');
    expect(await w.page.locator('#f-members-1-email').inputValue()).toBe('lin.meihui@advisory.example.tw');
    await screenshot(w.page, 'operator-group-refused');

    // Act: the seat put back, saved.
    await w.page.locator('#f-members-1-seat').selectOption('AGENCY');
    await Promise.all([
      w.page.waitForURL(`${w.runtime.url}${editPath}?saved=1`),
      w.page.getByRole('button', { name: /^儲存/ }).last().click(),
    ]);

    // Assess: saved, and the console lists the new address.
    expect(await w.page.locator('.notice.ok').textContent()).toContain('已儲存');
    expect(await w.page.locator('#f-members-1-email').inputValue()).toBe('lin.meihui@advisory.example.tw');
    await w.page.goto(new URL('/operator', w.runtime.url).href);
    expect(await w.page.locator('section.group').textContent()).toContain('lin.meihui@advisory.example.tw');
  });

  it('edits an agency from the tree: the Chinese name emptied is refused by its field, then a new name and address saved', async () => {
    // Arrange: from the console's tree to the edit page of the agency registered above.
    await w.page.goto(new URL('/operator', w.runtime.url).href);
    const editPath = '/operator/agencies/301000000A';
    await Promise.all([
      w.page.waitForURL(`${w.runtime.url}${editPath}`),
      w.page.getByRole('link', { name: /Edit 301000000A/ }).click(),
    ]);
    expect(await w.page.locator('#f-name-zh').inputValue()).toBe('內政部地政司');
    const save = () =>
      Promise.all([
        w.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(editPath)),
        w.page.getByRole('button', { name: /^儲存/ }).click(),
      ]);

    // Act: the Chinese name emptied, an address typed.
    await w.page.locator('#f-name-zh').fill('');
    await w.page.locator('#f-contactEmail').fill('land@moi.example.tw');
    await save();
    await w.page.waitForLoadState('load');

    // Assess: refused by that field in both languages, the address kept as typed.
    expect(await w.page.locator('.error-summary').textContent()).toContain('尚未儲存');
    expect(await w.page.locator('#f-name-zh').getAttribute('aria-invalid')).toBe('true');
    const message = (await w.page.locator('#f-name-zh-error').textContent()) ?? '';
    expect(message).toMatch(/\p{Script=Han}/u);
    expect(message).toMatch(/[A-Za-z]{3}/);
    expect(await w.page.locator('#f-contactEmail').inputValue()).toBe('land@moi.example.tw');
    await screenshot(w.page, 'operator-agency-refused');

    // Act: a new name, saved.
    await w.page.locator('#f-name-zh').fill('內政部地政司（更名）');
    await Promise.all([w.page.waitForURL(`${w.runtime.url}${editPath}?saved=1`), save()]);

    // Assess: saved, and the tree shows the new name.
    expect(await w.page.locator('.notice.ok').textContent()).toContain('已儲存');
    expect(await w.page.locator('#f-contactEmail').inputValue()).toBe('land@moi.example.tw');
    await w.page.goto(new URL('/operator', w.runtime.url).href);
    expect(await w.page.locator('ul.tree').first().textContent()).toContain('內政部地政司（更名）');
  });

  it('lays the console and the group and agency edit pages out at 390 px and 1280 px without horizontal overflow', async () => {
    for (const width of [390, 1280]) {
      await w.page.setViewportSize({ width, height: 844 });
      for (const [path, name] of [
        ['/operator', 'operator-console'],
        [`/operator/advisory-groups/${SEED.group}`, 'operator-group-edit'],
        ['/operator/agencies/301000000A', 'operator-agency-edit'],
      ] as const) {
        await w.page.goto(new URL(path, w.runtime.url).href);
        const overflow = await w.page.evaluate<number>(
          'document.documentElement.scrollWidth - window.innerWidth',
        );
        await screenshot(w.page, `${name}-${width}`);
        expect(overflow, `${path} at ${width} px`).toBeLessThanOrEqual(0);
      }
    }
  });
});
