import { describe, expect, it } from 'vitest';
import { REVIEW_PHASES, REVIEWING_STATUSES, restartPhase } from '#domain/review-phase';
import { ProposalStatusSchema } from '#domain/fee-proposal';

const at = '2026-12-01T00:00:00.000Z';

describe('where a stopped review restarts', () => {
  it('begins again with the notice when the consultation notice was not published', () => {
    expect(restartPhase({ status: 'IN_CONSULTATION', version: 1 })).toBeUndefined();
  });

  it('waits for the closing date once the notice is out', () => {
    expect(restartPhase({ status: 'IN_CONSULTATION', version: 1, noticePublishedAt: at })).toBe(
      'CONSULTATION_CLOSE',
    );
  });

  it('waits for the answers once the consultation closed (the report follows them)', () => {
    expect(restartPhase({ status: 'AWAITING_RESPONSES', version: 2, noticePublishedAt: at })).toBe(
      'DISPOSITIONS',
    );
  });

  it('opens the vote of this version when none was opened, or only one of an earlier version', () => {
    expect(restartPhase({ status: 'UNDER_REVIEW', version: 2 })).toBe('VOTE');
    expect(restartPhase({ status: 'UNDER_REVIEW', version: 2, review: { version: 1 } })).toBe('VOTE');
  });

  it('waits for the decision of a vote of this version already open', () => {
    expect(restartPhase({ status: 'UNDER_REVIEW', version: 2, review: { version: 2 } })).toBe(
      'VOTE_DECISION',
    );
  });

  it('has no phase for a proposal that is not in review', () => {
    const outside = ProposalStatusSchema.options.filter(
      (s) => !(REVIEWING_STATUSES as readonly string[]).includes(s),
    );
    expect(outside).toContain('DRAFT');
    expect(outside).toContain('APPROVED');
    for (const status of outside) expect(restartPhase({ status, version: 1 }), status).toBeNull();
  });

  it('only ever names a phase the workflow can enter', () => {
    for (const status of REVIEWING_STATUSES)
      for (const facts of [{}, { noticePublishedAt: at }, { review: { version: 1 } }]) {
        const phase = restartPhase({ status, version: 1, ...facts });
        if (phase !== undefined) expect(REVIEW_PHASES).toContain(phase);
      }
  });
});
