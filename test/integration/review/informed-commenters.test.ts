import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { startTestRuntime } from '../../support/runtime.ts';
import { validProposal } from '../../support/fixtures.ts';
import { linksIn, mailsTo } from '../../support/outbox.ts';
import { MEMBERS, reviewFlow } from '../../support/review-flow.ts';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';

let runtime: LocalRuntime;
let flow: ReturnType<typeof reviewFlow>;
let agency: string;

const INFORMED = 'informed@example.org';
const INFORMED_EN = 'informed-en@example.org';
const UNCONFIRMED = 'unconfirmed@example.org';
const NOT_ASKED = 'not-asked@example.org';

beforeAll(async () => {
  runtime = await startTestRuntime();
  agency = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
  flow = reviewFlow(runtime, agency);
});
afterAll(async () => runtime?.close());

/** The mails to an address other than the verification mail, oldest first. */
const news = async (address: string): Promise<ParsedMail[]> =>
  (await mailsTo(runtime.url, address)).filter(
    (m) => !linksIn(m).some((l) => l.includes('/comment-verifications/')),
  );

/** Confirms the address of the newest comment made with it. */
async function confirm(address: string) {
  const link = (await mailsTo(runtime.url, address))
    .flatMap(linksIn)
    .filter((l) => l.includes('/comment-verifications/'))
    .at(-1)!;
  const res = await fetch(link, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(res.status).toBe(200);
}

/** Every link of the mail opens an HTML page. */
async function expectPages(mail: ParsedMail) {
  const links = linksIn(mail);
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) {
    const res = await fetch(link);
    expect(res.status, link).toBe(200);
    expect(res.headers.get('content-type'), link).toContain('text/html');
  }
}

describe('a commenter who asked to be kept informed', () => {
  let id: string;
  const commentIds: Record<string, string> = {};

  it('refuses to keep informed a commenter who gave no address, naming the field', async () => {
    const { api } = flow;
    id = (await api.post('/fee-proposals', validProposal({ effectiveFrom: '2031-01-01' }), agency)).body.id;
    expect((await api.post(`/fee-proposals/${id}/submit`, {}, agency)).status).toBe(202);
    await runtime.settle();
    const res = await api.post(`/fee-proposals/${id}/comments`, { body: '請通知我。', notify: true });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toContainEqual(expect.objectContaining({ path: 'notify' }));
  });

  it('is told, in the verification mail, that confirming starts the news', async () => {
    const { api } = flow;
    const comments = [
      { address: INFORMED, notify: true },
      { address: INFORMED_EN, notify: true, lang: 'en' },
      { address: UNCONFIRMED, notify: true },
      { address: NOT_ASKED, notify: false },
    ];
    for (const c of comments) {
      const res = await api.post(
        `/fee-proposals/${id}/comments`,
        { body: `來自 ${c.address} 的意見。`, author: { email: c.address }, notify: c.notify },
        undefined,
        { 'accept-language': c.lang ?? 'zh-TW' },
      );
      expect(res.status).toBe(201);
      commentIds[c.address] = res.body.id;
    }
    const [verification] = await mailsTo(runtime.url, INFORMED);
    expect(verification?.text).toContain('寄信通知您');
    const [notAsked] = await mailsTo(runtime.url, NOT_ASKED);
    expect(notAsked?.text).not.toContain('寄信通知您');
    for (const address of [INFORMED, INFORMED_EN, NOT_ASKED]) await confirm(address);
  });

  it('asks for the news by the checkbox of the page’s form', async () => {
    const form = new URLSearchParams({
      body: '由表單提出。',
      'author.email': 'form@example.org',
      notify: 'on',
    });
    const res = await fetch(`${runtime.url}/fee-proposals/${id}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'zh-TW' },
      body: form.toString(),
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    const [verification] = await mailsTo(runtime.url, 'form@example.org');
    expect(verification?.text).toContain('寄信通知您');
    const page = await (await fetch(`${runtime.url}/consultations/${id}`)).text();
    expect(page).toMatch(/<input\s+type="checkbox"\s+id="f-notify"\s+name="notify"/);
  });

  it('answers a refused comment form itself: the form as typed, the field’s message, a link back', async () => {
    const res = await fetch(`${runtime.url}/fee-proposals/${id}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ body: '金額偏高。', 'author.email': 'not-an-address' }).toString(),
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    expect(page).toContain('class="error-summary"');
    expect(page).toContain('id="f-author-email-error"');
    expect(page).toContain('「電子郵件」須為電子郵件地址。');
    expect(page).toContain('金額偏高。');
    expect(page).toContain(`href="/consultations/${id}"`);
  });

  it('hears of an extension, once per address, in the language the comment was written in', async () => {
    const { api } = flow;
    // A second comment from the same address brings no second mail.
    const second = await api.post(`/fee-proposals/${id}/comments`, {
      body: '再補充一點。',
      author: { email: INFORMED },
      notify: true,
    });
    expect(second.status).toBe(201);
    await confirm(INFORMED);
    const current = (await api.get(`/fee-proposals/${id}`)).body.consultation.closesAt;
    const closesAt = new Date(Date.parse(current) + 7 * 86_400_000).toISOString();
    const res = await api.post(
      `/fee-proposals/${id}/consultation/extend`,
      { closesAt, reason: '配合說明會延長' },
      agency,
    );
    expect(res.status).toBe(200);

    const [zh, ...more] = await news(INFORMED);
    expect(more).toHaveLength(0);
    expect(zh?.subject).toBe(`公開徵詢延長：${validProposal().title.zh}`);
    expect(zh?.text).toContain('配合說明會延長');
    expect(zh?.text).not.toContain('Consultation');
    await expectPages(zh!);

    const [en] = await news(INFORMED_EN);
    expect(en?.subject).toMatch(/^Consultation extended: /);
    expect(en?.text).toContain('Taipei time');
    expect(en?.text).not.toContain('延長至');

    expect(await news(UNCONFIRMED)).toHaveLength(0);
    expect(await news(NOT_ASKED)).toHaveLength(0);
  });

  it('hears the agency’s answer to the comment, with a link to it on the proposal’s page', async () => {
    const { api } = flow;
    await flow.advance('P68D');
    const all = (await api.get(`/fee-proposals/${id}/comments`)).body.items as { id: string }[];
    for (const comment of all) {
      const res = await api.put(
        `/fee-proposals/${id}/comments/${comment.id}/disposition`,
        { disposition: 'PARTLY_ADOPTED', reply: '將於說明文件補充成本計算方式。' },
        agency,
      );
      expect(res.status).toBe(200);
    }
    await flow.advance('PT1S');
    expect(await flow.status(id)).toBe('UNDER_REVIEW');

    // One answer mail per comment answered (this address made two comments).
    const answers = (await news(INFORMED)).filter((m) => m.subject?.startsWith('機關已回覆您的意見'));
    expect(answers).toHaveLength(2);
    expect(answers[0]?.text).toContain('處理結果：部分採納');
    expect(answers[0]?.text).toContain('將於說明文件補充成本計算方式。');
    expect(linksIn(answers[0]!)).toContain(
      `${runtime.url}/consultations/${id}#comment-${commentIds[INFORMED]}`,
    );
    await expectPages(answers[0]!);
    const [answerEn] = (await news(INFORMED_EN)).filter((m) => m.subject?.startsWith('The agency answered'));
    expect(answerEn?.text).toContain('Disposition: Partly adopted');

    expect(await news(UNCONFIRMED)).toHaveLength(0);
    expect(await news(NOT_ASKED)).toHaveLength(0);
  });

  it('hears that the consultation report is published, with a link to the report’s page', async () => {
    const [report, ...more] = (await news(INFORMED)).filter((m) =>
      m.subject?.startsWith('公開徵詢結果報告公布'),
    );
    expect(more).toHaveLength(0);
    expect(report?.subject).toBe(`公開徵詢結果報告公布：${validProposal().title.zh}`);
    expect(linksIn(report!)[0]).toBe(`${runtime.url}/consultations/${id}/report`);
    expect(linksIn(report!)[1]).toMatch(/\/unsubscribe\/[A-Za-z0-9_-]{32}$/);
    await expectPages(report!);
    const [reportEn] = (await news(INFORMED_EN)).filter((m) =>
      m.subject?.startsWith('Consultation report published: '),
    );
    expect(reportEn?.text).toContain('The report: ');

    expect(await news(UNCONFIRMED)).toHaveLength(0);
    expect(await news(NOT_ASKED)).toHaveLength(0);
  });

  it('hears the decision, with a link to the decision’s page', async () => {
    for (const member of MEMBERS.slice(0, 4))
      expect((await flow.vote(await flow.ballotLink(member, id), 'APPROVE')).status).toBe(200);
    await flow.advance('PT1S');
    expect(await flow.status(id)).toBe('APPROVED');

    const [decision, ...more] = (await news(INFORMED)).filter((m) => m.subject?.startsWith('審議結果'));
    expect(more).toHaveLength(0);
    expect(decision?.subject).toContain('通過');
    expect(linksIn(decision!)[0]).toBe(`${runtime.url}/consultations/${id}/decision`);
    expect(linksIn(decision!)[1]).toMatch(/\/unsubscribe\/[A-Za-z0-9_-]{32}$/);
    await expectPages(decision!);
    const [decisionEn] = (await news(INFORMED_EN)).filter((m) => m.subject?.startsWith('Decision: '));
    expect(decisionEn).toBeDefined();
    expect(await news(UNCONFIRMED)).toHaveLength(0);
    expect(await news(NOT_ASKED)).toHaveLength(0);
  });
});

describe('a commenter whose comment is answered before the address is confirmed', () => {
  const LATE = 'late@example.org';

  it('hears the answer once, on confirming the address', async () => {
    // Arrange: a comment asking for the news, answered while its address is unconfirmed.
    const { api } = flow;
    const id = (await api.post('/fee-proposals', validProposal({ effectiveFrom: '2031-01-01' }), agency)).body
      .id as string;
    expect((await api.post(`/fee-proposals/${id}/submit`, {}, agency)).status).toBe(202);
    await runtime.settle();
    const comment = await api.post(
      `/fee-proposals/${id}/comments`,
      { body: '請公開成本計算方式。', author: { email: LATE }, notify: true },
      undefined,
      { 'accept-language': 'zh-TW' },
    );
    expect(comment.status).toBe(201);
    const answered = await api.put(
      `/fee-proposals/${id}/comments/${comment.body.id as string}/disposition`,
      { disposition: 'ADOPTED', reply: '已於說明文件公開。' },
      agency,
    );
    expect(answered.status).toBe(200);
    expect(await news(LATE)).toHaveLength(0);

    // Act: the address confirmed, then the link used again.
    await confirm(LATE);
    await confirm(LATE);

    // Assess
    const [answer, ...more] = await news(LATE);
    expect(more).toHaveLength(0);
    expect(answer?.subject).toBe(`機關已回覆您的意見：${validProposal().title.zh}`);
    expect(answer?.text).toContain('處理結果：採納');
    expect(answer?.text).toContain('已於說明文件公開。');
    expect(linksIn(answer!)).toContain(
      `${runtime.url}/consultations/${id}#comment-${comment.body.id as string}`,
    );
    await expectPages(answer!);
  });
});
