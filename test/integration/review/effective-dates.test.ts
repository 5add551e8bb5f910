// Effective dates are checked against the calendar on the running local stack: never in the past
// when drafting, never before the consultation closes plus the vote period when submitting.
import { describe, expect, it } from 'vitest';
import { validProposal } from '../../support/fixtures.ts';
import { reviewRuntime } from '../../support/review-flow.ts';
import { proposalRepository } from '#ports/proposal-repository';

const DAY = 86_400_000;

const review = reviewRuntime();

const dateIn = (days: number) =>
  new Date(review.runtime.clock.now().getTime() + days * DAY).toISOString().slice(0, 10);

describe('a fee proposal’s effective date', () => {
  it('is refused in the past when drafted, with 422 naming the field and the rule', async () => {
    const res = await review.api.post(
      '/fee-proposals',
      validProposal({ effectiveFrom: dateIn(-1) }),
      review.agency,
    );
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'EFFECTIVE_DATE_IN_PAST',
      details: [{ path: 'effectiveFrom', rule: 'EFFECTIVE_DATE_IN_PAST' }],
    });
  });

  it('is refused at submission when it comes before the consultation closes, and the draft stays as it was', async () => {
    // 30 days ahead: the 60-day consultation is still open then.
    const id = (
      await review.api.post('/fee-proposals', validProposal({ effectiveFrom: dateIn(30) }), review.agency)
    ).body.id;
    const res = await review.api.post(`/fee-proposals/${id}/submit`, {}, review.agency);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'EFFECTIVE_BEFORE_REVIEW_ENDS',
      details: [{ path: 'effectiveFrom', rule: 'EFFECTIVE_BEFORE_REVIEW_ENDS' }],
    });
    expect((await proposalRepository.get(id))?.value.status).toBe('DRAFT');
  });

  it('is refused between the consultation’s close and the end of the vote period', async () => {
    const id = (
      await review.api.post('/fee-proposals', validProposal({ effectiveFrom: dateIn(62) }), review.agency)
    ).body.id;
    const res = await review.api.post(`/fee-proposals/${id}/submit`, {}, review.agency);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('EFFECTIVE_BEFORE_REVIEW_ENDS');
    expect(res.body.error.details[0].message).toMatch(/^Must be \d{4}-\d{2}-\d{2} or later\.$/);
  });

  it('is accepted once it lies after the consultation and the vote', async () => {
    const id = (
      await review.api.post('/fee-proposals', validProposal({ effectiveFrom: dateIn(120) }), review.agency)
    ).body.id;
    expect((await review.api.post(`/fee-proposals/${id}/submit`, {}, review.agency)).status).toBe(202);
  });
});
