import { describe, expect, it } from 'vitest';
import { ConflictError } from '#domain/errors';
import { ProposalStatusSchema } from '#domain/fee-proposal';
import {
  IllegalTransitionError,
  OPEN_STATUSES,
  PUBLIC_STATUSES,
  ProposalEventSchema,
  TERMINAL_STATUSES,
  allowedEvents,
  canTransition,
  nextStatus,
} from '#domain/proposal-status';

describe('nextStatus', () => {
  it.each([
    ['DRAFT', 'SUBMIT', 'IN_CONSULTATION'],
    ['IN_CONSULTATION', 'CLOSE_CONSULTATION', 'AWAITING_RESPONSES'],
    ['AWAITING_RESPONSES', 'OPEN_REVIEW', 'UNDER_REVIEW'],
    ['UNDER_REVIEW', 'APPROVE', 'APPROVED'],
    ['UNDER_REVIEW', 'REJECT', 'REJECTED'],
    ['UNDER_REVIEW', 'REQUEST_CHANGES', 'CHANGES_REQUESTED'],
    ['UNDER_REVIEW', 'NOT_DECIDE', 'NOT_DECIDED'],
    ['DRAFT', 'EDIT', 'DRAFT'],
    ['CHANGES_REQUESTED', 'EDIT', 'CHANGES_REQUESTED'],
    ['CHANGES_REQUESTED', 'RESUBMIT_MATERIAL', 'IN_CONSULTATION'],
    ['CHANGES_REQUESTED', 'RESUBMIT_MINOR', 'UNDER_REVIEW'],
    ['APPROVED', 'TAKE_EFFECT', 'EFFECTIVE'],
  ] as const)('%s + %s → %s', (from, event, to) => {
    expect(nextStatus(from, event)).toBe(to);
  });

  it.each(['DRAFT', 'IN_CONSULTATION', 'AWAITING_RESPONSES', 'UNDER_REVIEW', 'CHANGES_REQUESTED'] as const)(
    'lets a proposal be withdrawn from %s',
    (from) => {
      expect(nextStatus(from, 'WITHDRAW')).toBe('WITHDRAWN');
    },
  );

  it.each(['APPROVED', 'REJECTED', 'NOT_DECIDED', 'EFFECTIVE', 'WITHDRAWN'] as const)(
    'refuses to withdraw a proposal that is %s',
    (from) => {
      expect(() => nextStatus(from, 'WITHDRAW')).toThrow(IllegalTransitionError);
    },
  );

  it('refuses an edit once the proposal is in consultation, as a 409 naming status and event', () => {
    // Act
    let caught: unknown;
    try {
      nextStatus('IN_CONSULTATION', 'EDIT');
    } catch (error) {
      caught = error;
    }

    // Assess
    expect(caught).toBeInstanceOf(ConflictError);
    expect(caught).toMatchObject({
      statusCode: 409,
      code: 'ILLEGAL_TRANSITION',
      from: 'IN_CONSULTATION',
      event: 'EDIT',
    });
    expect((caught as Error).message).toContain('IN_CONSULTATION');
    expect((caught as Error).message).toContain('EDIT');
  });

  it('agrees with canTransition for every status and event', () => {
    for (const from of ProposalStatusSchema.options) {
      for (const event of ProposalEventSchema.options) {
        const legal = canTransition(from, event);
        if (legal) expect(() => nextStatus(from, event)).not.toThrow();
        else expect(() => nextStatus(from, event)).toThrow(IllegalTransitionError);
      }
    }
  });

  it('allows exactly the 17 transitions of api.md and the two of the fee-law steps', () => {
    const count = ProposalStatusSchema.options.reduce((n, s) => n + allowedEvents(s).length, 0);
    expect(count).toBe(19);
  });

  it('goes APPROVED → ANNOUNCED → EFFECTIVE with the fee-law steps, or APPROVED → EFFECTIVE without', () => {
    expect(nextStatus('APPROVED', 'ANNOUNCE')).toBe('ANNOUNCED');
    expect(nextStatus('ANNOUNCED', 'TAKE_EFFECT')).toBe('EFFECTIVE');
    expect(nextStatus('APPROVED', 'TAKE_EFFECT')).toBe('EFFECTIVE');
    expect(() => nextStatus('UNDER_REVIEW', 'ANNOUNCE')).toThrow();
  });
});

describe('status groups', () => {
  it('treats every status but DRAFT as public', () => {
    expect(PUBLIC_STATUSES).not.toContain('DRAFT');
    expect(PUBLIC_STATUSES).toHaveLength(ProposalStatusSchema.options.length - 1);
  });

  it('lists the statuses a workflow drives as open, none of them terminal', () => {
    expect(OPEN_STATUSES).toEqual(['IN_CONSULTATION', 'AWAITING_RESPONSES', 'UNDER_REVIEW']);
    expect(OPEN_STATUSES.some((s) => TERMINAL_STATUSES.includes(s))).toBe(false);
  });

  it('finds the four terminal statuses', () => {
    expect([...TERMINAL_STATUSES].sort()).toEqual(['EFFECTIVE', 'NOT_DECIDED', 'REJECTED', 'WITHDRAWN']);
  });
});
