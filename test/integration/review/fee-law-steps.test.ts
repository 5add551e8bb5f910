// The steps of 規費法 §10 after a favourable vote, on the running local stack: the group's result is
// a recommendation; the agency records the fee authority's consent, the filing with the
// representative body and the announcement in that order (→ ANNOUNCED), and the schedule takes
// effect on its date (→ EFFECTIVE). Out of order, or dated wrongly → 422 naming the rule.
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { taipeiDayWithRoc } from '#templates/taipei-time';
import { mailsTo } from '../../support/outbox.ts';
import { pdfText, squash } from '../../support/pdf-text.ts';
import { FEE_LAW_STEPS, MEMBERS, taipeiToday, reviewRuntime } from '../../support/review-flow.ts';
import { SEED } from '#local/seed';
import { taipeiDay } from '#templates/taipei-time';

const DAY = 86_400_000;
const GAZETTE = 'https://gazette.nat.gov.tw/egFront/detail.do?metaid=114001';

const review = reviewRuntime();

async function approved(overrides: Record<string, unknown> = {}): Promise<string> {
  const id = await review.flow.proposalUnderReview(overrides);
  for (const member of MEMBERS.slice(0, 4))
    expect((await review.flow.vote(await review.flow.ballotLink(member, id), 'APPROVE')).status).toBe(200);
  await review.flow.advance('PT1S');
  expect(await review.flow.status(id)).toBe('APPROVED');
  return id;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The decision record PDF as published: the latest revision, or revision `n`. */
async function decisionPdf(id: string, n?: number): Promise<Buffer> {
  const res = await fetch(
    `${review.runtime.url}/fee-proposals/${id}/decision?format=pdf${n === undefined ? '' : `&revision=${n}`}`,
  );
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  return Buffer.from(await res.arrayBuffer());
}

const step = (id: string, body: Record<string, unknown>, token = review.agency) =>
  review.flow.api.post(`/fee-proposals/${id}/steps`, body, token);
const dateIn = async (days: number) =>
  new Date(Date.parse(await taipeiToday(review.flow.api)) + days * DAY).toISOString().slice(0, 10);

describe('the steps of 規費法 §10', () => {
  it('write the group’s result as a recommendation, never 「核定」, in the mail and the decision record', async () => {
    const id = await approved();
    const mail = (await mailsTo(review.runtime.url, 'opendata@nlsc.example.tw')).at(-1)!;
    expect(mail.subject).toContain('審議結果：同意（建議通過）');
    expect(mail.text).toContain('規費主管機關同意');
    expect(`${mail.subject}${mail.text}`).not.toContain('核定');
    const pdf = await fetch(`${review.runtime.url}/fee-proposals/${id}/decision?format=pdf`);
    const text = squash(await pdfText(Buffer.from(await pdf.arrayBuffer())));
    expect(text).toContain(squash('審議結果：同意（建議通過）'));
    expect(text).not.toContain('核定');
    // Until announced, the schedule prices nothing: it is not on the dataset.
    const schedules = (await review.flow.api.get(`/datasets/${SEED.datasets.onApplication}`)).body
      .feeSchedules;
    expect(schedules.history.map((h: any) => h.proposalId)).not.toContain(id);
  });

  it('in order → ANNOUNCED, then EFFECTIVE on the effective date; each step an audit event on the page and decision', async () => {
    // Prepare
    const effectiveFrom = await dateIn(100);
    const id = await approved({ effectiveFrom });
    const today = await taipeiToday(review.flow.api);
    // Act
    for (const { step: kind, reference } of FEE_LAW_STEPS) {
      const res = await step(id, {
        step: kind,
        date: today,
        reference,
        ...(kind === 'ANNOUNCEMENT' ? { url: GAZETTE } : {}),
      });
      expect(res.status, res.text).toBe(200);
    }
    // Assess
    expect(await review.flow.status(id)).toBe('ANNOUNCED');
    const events = (await review.flow.api.get(`/fee-proposals/${id}/events`)).body.items.map(
      (e: any) => e.type,
    );
    expect(events).toEqual(
      expect.arrayContaining([
        'FEE_AUTHORITY_CONSENT_RECORDED',
        'COUNCIL_FILING_RECORDED',
        'ANNOUNCEMENT_RECORDED',
      ]),
    );
    const decision = (await review.flow.api.get(`/fee-proposals/${id}/decision`)).body;
    expect(decision.feeLawSteps.map((s: any) => [s.step, s.date, s.reference])).toEqual(
      FEE_LAW_STEPS.map((s) => [s.step, today, s.reference]),
    );
    const page = await (await fetch(`${review.runtime.url}/consultations/${id}`)).text();
    for (const part of [
      '規費主管機關同意',
      '送民意機關備查',
      GAZETTE.replace(/&/g, '&amp;'),
      FEE_LAW_STEPS[1].reference,
    ])
      expect(page).toContain(part);
    const dataset = (await review.flow.api.get(`/datasets/${SEED.datasets.onApplication}`)).body;
    expect(dataset.feeSchedules.next).toMatchObject({ proposalId: id, status: 'ANNOUNCED', effectiveFrom });

    await review.flow.advance('P101D');
    expect(await review.flow.status(id)).toBe('EFFECTIVE');
  });

  it('re-issue the decision record after each step as a new revision listing the steps, leaving every earlier one as it was', async () => {
    // Prepare
    const id = await approved({ effectiveFrom: await dateIn(100) });
    const today = await taipeiToday(review.flow.api);
    const original = await decisionPdf(id);
    const originalText = squash(await pdfText(original));
    expect(originalText).toContain(squash('五、規費法第 10 條程序'));
    expect(originalText).toContain(squash('尚未登錄 Not yet recorded'));
    const published = [sha256(original)];
    // Act / Assess: one new revision per step.
    for (const [i, { step: kind, reference }] of FEE_LAW_STEPS.entries()) {
      const res = await step(id, {
        step: kind,
        date: today,
        reference,
        ...(kind === 'ANNOUNCEMENT' ? { url: GAZETTE } : {}),
      });
      expect(res.status, res.text).toBe(200);
      const latest = await decisionPdf(id);
      const text = squash(await pdfText(latest));
      // The decision itself, unchanged, and every step recorded so far with its date and reference.
      expect(text).toContain(squash('審議結果：同意（建議通過）'));
      expect(text).toContain(squash(`第 ${i + 1} 次修訂 Revision ${i + 1}`));
      expect(text).toContain(published.at(-1)!); // the hash of the revision it supersedes
      for (const done of FEE_LAW_STEPS.slice(0, i + 1)) expect(text).toContain(squash(done.reference));
      for (const later of FEE_LAW_STEPS.slice(i + 1)) expect(text).not.toContain(squash(later.reference));
      expect(text).toContain(squash(taipeiDayWithRoc(today)));
      expect(text.includes(squash(GAZETTE))).toBe(kind === 'ANNOUNCEMENT');
      published.push(sha256(latest));
      // The JSON lists every revision with the hash of the bytes served for it.
      const decision = (await review.flow.api.get(`/fee-proposals/${id}/decision`)).body;
      expect(decision.pdfSha256).toBe(sha256(latest));
      expect(decision.revisions.map((r: any) => [r.revision, r.afterStep, r.pdfSha256])).toEqual(
        published.map((hash, n) => [n, n === 0 ? undefined : FEE_LAW_STEPS[n - 1]!.step, hash]),
      );
    }
    // Every earlier revision is still served exactly as first published.
    for (const [n, hash] of published.entries()) expect(sha256(await decisionPdf(id, n))).toBe(hash);
    expect(new Set(published).size).toBe(4);
    expect(
      (await fetch(`${review.runtime.url}/fee-proposals/${id}/decision?format=pdf&revision=4`)).status,
    ).toBe(404);
  });

  it('refuses steps out of order, badly dated, an announcement without its URL or before the effective date can follow it', async () => {
    const id = await approved();
    await review.flow.advance('P2D'); // steps may be dated from the result on
    const today = await taipeiToday(review.flow.api);
    const first = await step(id, { step: 'COUNCIL_FILING', date: today, reference: 'X-1' });
    expect(first.status).toBe(422);
    expect(first.body.error).toMatchObject({
      code: 'FEE_LAW_STEP_OUT_OF_ORDER',
      details: [{ path: 'step', rule: 'FEE_LAW_STEP_OUT_OF_ORDER' }],
    });
    const future = await step(id, { step: 'FEE_AUTHORITY_CONSENT', date: await dateIn(1), reference: 'X-2' });
    expect(future.body.error).toMatchObject({ code: 'FEE_LAW_STEP_IN_FUTURE', details: [{ path: 'date' }] });
    const early = await step(id, {
      step: 'FEE_AUTHORITY_CONSENT',
      date: await dateIn(-400),
      reference: 'X-3',
    });
    expect(early.body.error.code).toBe('FEE_LAW_STEP_BEFORE_DECISION');
    expect((await step(id, { step: 'FEE_AUTHORITY_CONSENT', date: today, reference: 'X-4' })).status).toBe(
      200,
    );
    const backwards = await step(id, { step: 'COUNCIL_FILING', date: await dateIn(-1), reference: 'X-5' });
    expect(backwards.body.error).toMatchObject({
      code: 'FEE_LAW_STEP_DATE_OUT_OF_ORDER',
      details: [{ path: 'date' }],
    });
    expect((await step(id, { step: 'COUNCIL_FILING', date: today, reference: 'X-6' })).status).toBe(200);
    const noUrl = await step(id, { step: 'ANNOUNCEMENT', date: today, reference: 'X-7' });
    expect(noUrl.body.error).toMatchObject({ code: 'ANNOUNCEMENT_URL_REQUIRED', details: [{ path: 'url' }] });
    const beforeAnnouncement = await step(id, {
      step: 'ANNOUNCEMENT',
      date: today,
      reference: 'X-8',
      url: GAZETTE,
      effectiveFrom: await dateIn(-1),
    });
    expect(beforeAnnouncement.status).toBe(422);
    expect(beforeAnnouncement.body.error).toMatchObject({
      code: 'EFFECTIVE_BEFORE_ANNOUNCEMENT',
      details: [{ path: 'effectiveFrom' }],
    });
    // Nothing refused was recorded: still two steps, still APPROVED.
    expect(await review.flow.status(id)).toBe('APPROVED');
    expect((await review.flow.api.get(`/fee-proposals/${id}/decision`)).body.feeLawSteps).toHaveLength(2);
    // Another agency may not record steps.
    const other = await review.runtime.issuer.mint({ role: 'agency', agencyId: SEED.ministry });
    expect(
      (await step(id, { step: 'ANNOUNCEMENT', date: today, reference: 'X-9', url: GAZETTE }, other)).status,
    ).toBe(403);
  });

  it('when the review ran past the effective date, takes a new one with the announcement', async () => {
    const id = await approved({ effectiveFrom: await dateIn(100) });
    await review.flow.advance('P101D'); // the proposed date passes while the steps are pending
    expect(await review.flow.status(id)).toBe('APPROVED');
    const today = await taipeiToday(review.flow.api);
    for (const { step: kind, reference } of FEE_LAW_STEPS.slice(0, 2))
      expect((await step(id, { step: kind, date: today, reference })).status).toBe(200);
    const stale = await step(id, { step: 'ANNOUNCEMENT', date: today, reference: 'A-1', url: GAZETTE });
    expect(stale.body.error).toMatchObject({
      code: 'EFFECTIVE_BEFORE_ANNOUNCEMENT',
      details: [{ path: 'effectiveFrom' }],
    });
    expect(stale.body.error.message).toContain('set a new effective date');
    const effectiveFrom = await dateIn(30);
    const announced = await step(id, {
      step: 'ANNOUNCEMENT',
      date: today,
      reference: 'A-1',
      url: GAZETTE,
      effectiveFrom,
    });
    expect(announced.status, announced.text).toBe(200);
    expect(announced.body).toMatchObject({ status: 'ANNOUNCED', effectiveFrom });
  });

  it('are off when the deployment says so: APPROVED → EFFECTIVE as before, and the route answers 409', async () => {
    vi.stubEnv('FEE_LAW_STEPS', 'off');
    try {
      const effectiveFrom = await dateIn(100);
      const id = await approved({ effectiveFrom });
      const refused = await step(id, {
        step: 'FEE_AUTHORITY_CONSENT',
        date: await taipeiToday(review.flow.api),
        reference: 'Z',
      });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('FEE_LAW_STEPS_OFF');
      await review.flow.advance('P101D');
      expect(await review.flow.status(id)).toBe('EFFECTIVE');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('the review-by date', () => {
  it('mails the agency 90 days before, and marks the schedule due for review at the date', async () => {
    // Prepare
    const id = await approved({ effectiveFrom: await dateIn(100) });
    await review.flow.announce(id);
    const reviewBy = (await review.flow.api.get(`/fee-proposals/${id}`)).body.reviewBy as string;
    const daysUntil = async (date: string) =>
      Math.round((Date.parse(date) - Date.parse(await taipeiToday(review.flow.api))) / DAY);
    const reminders = async () =>
      (await mailsTo(review.runtime.url, 'opendata@nlsc.example.tw')).filter(
        (m) => m.subject?.includes('收費基準檢討期限將屆') && m.text?.includes(id),
      );
    const entry = async () =>
      (
        (await review.flow.api.get(`/datasets/${SEED.datasets.onApplication}`)).body.feeSchedules
          .history as any[]
      ).find((h) => h.proposalId === id);
    // Act / Assess: nothing until 90 days before, then one mail.
    await review.flow.advance(`P${(await daysUntil(reviewBy)) - 91}D`);
    expect(await reminders()).toHaveLength(0);
    await review.flow.advance('P2D');
    const [mail, ...more] = await reminders();
    expect(more).toHaveLength(0);
    // The review-by date, as people read it, in both parts of the mail.
    expect(mail!.text).toContain(taipeiDay(reviewBy).zh);
    expect(mail!.text).toContain(taipeiDay(reviewBy).en);
    expect((await entry()).dueForReview).toBe(false);
    // At the date: due for review on the dataset.
    await review.flow.advance(`P${(await daysUntil(reviewBy)) + 1}D`);
    expect((await entry()).dueForReview).toBe(true);
  });
});
