import { describe, expect, it } from 'vitest';
import {
  agencyAgenda,
  CLOSING_SOON_DAYS,
  RECENT_CERTIFICATES,
  type AgendaFacts,
} from '#domain/agency-agenda';

const now = new Date('2026-12-01T00:00:00Z');
const t = (title: string) => ({ zh: title, en: title });
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
const none: AgendaFacts = {
  proposals: [],
  schedules: [],
  awaitingPayment: [],
  certificates: [],
  feeLawSteps: true,
};

describe('what waits for an agency', () => {
  it('lists comments to answer per proposal, the closed consultations first', () => {
    const agenda = agencyAgenda(
      {
        ...none,
        proposals: [
          {
            id: 'open',
            title: t('open'),
            status: 'IN_CONSULTATION',
            unanswered: 5,
            consultation: { closesAt: inDays(30) },
          },
          { id: 'closed', title: t('closed'), status: 'AWAITING_RESPONSES', unanswered: 1 },
          { id: 'answered', title: t('answered'), status: 'AWAITING_RESPONSES', unanswered: 0 },
          { id: 'draft', title: t('draft'), status: 'DRAFT', unanswered: 0 },
        ],
      },
      now,
    );
    expect(agenda.commentsToAnswer).toEqual([
      { id: 'closed', title: t('closed'), unanswered: 1 },
      { id: 'open', title: t('open'), unanswered: 5 },
    ]);
    expect(agenda.closingSoon).toEqual([]);
  });

  it(`lists consultations closing within ${CLOSING_SOON_DAYS} days, soonest first`, () => {
    const open = (id: string, days: number) => ({
      id,
      title: t(id),
      status: 'IN_CONSULTATION' as const,
      unanswered: 0,
      consultation: { closesAt: inDays(days) },
    });
    const agenda = agencyAgenda(
      { ...none, proposals: [open('later', 15), open('b', 14), open('a', 2), open('past', -1)] },
      now,
    );
    expect(agenda.closingSoon.map((p) => [p.id, p.daysLeft])).toEqual([
      ['a', 2],
      ['b', 14],
    ]);
  });

  it('gives the reasons of the members who asked for changes', () => {
    const agenda = agencyAgenda(
      {
        ...none,
        proposals: [
          {
            id: 'cr',
            title: t('cr'),
            status: 'CHANGES_REQUESTED',
            unanswered: 0,
            decision: {
              outcome: 'CHANGES_REQUESTED',
              positions: [
                { name: '王委員', decision: 'REQUEST_CHANGES', reason: '人事成本請再說明。' },
                { name: '李委員', decision: 'APPROVE' },
                { name: '陳委員', decision: null },
              ],
            },
          },
        ],
      },
      now,
    );
    expect(agenda.changesRequested).toEqual([
      { id: 'cr', title: t('cr'), reasons: [{ name: '王委員', reason: '人事成本請再說明。' }] },
    ]);
  });

  it('names the next step of 規費法 §10 after a favourable vote, unless the steps are off', () => {
    const approved = [
      { id: 'none', title: t('none'), status: 'APPROVED' as const, unanswered: 0 },
      {
        id: 'two',
        title: t('two'),
        status: 'APPROVED' as const,
        unanswered: 0,
        feeLawSteps: [{ step: 'FEE_AUTHORITY_CONSENT' as const }, { step: 'COUNCIL_FILING' as const }],
      },
    ];
    expect(agencyAgenda({ ...none, proposals: approved }, now).stepsToRecord).toEqual([
      { id: 'none', title: t('none'), next: 'FEE_AUTHORITY_CONSENT', done: 0 },
      { id: 'two', title: t('two'), next: 'ANNOUNCEMENT', done: 2 },
    ]);
    expect(agencyAgenda({ ...none, proposals: approved, feeLawSteps: false }, now).stepsToRecord).toEqual([]);
  });

  it('lists schedules within 90 days of their review-by date (Taipei), overdue ones first', () => {
    const schedule = (proposalId: string, reviewBy?: string) => ({
      datasetId: 'd',
      datasetTitle: t('d'),
      proposalId,
      title: t(proposalId),
      ...(reviewBy ? { reviewBy } : {}),
    });
    const agenda = agencyAgenda(
      {
        ...none,
        schedules: [
          schedule('far', '2027-03-02'),
          schedule('near', '2027-02-28'),
          schedule('over', '2026-11-01'),
          schedule('open'),
        ],
      },
      now,
    );
    expect(agenda.reviewsDue.map((s) => [s.proposalId, s.daysLeft])).toEqual([
      ['over', -30],
      ['near', 89],
    ]);
  });

  it('puts the longest-waiting payment first, the newest certificates first, and counts only work', () => {
    const license = (id: string, requestedAt: string) => ({
      id,
      licensee: { name: id },
      datasetTitle: t('d'),
      requestedAt,
      totalTwd: 100,
    });
    const certificates = Array.from({ length: RECENT_CERTIFICATES + 2 }, (_, i) => ({
      number: `APL-2026-${String(i).padStart(6, '0')}`,
      issuedAt: inDays(-i),
      licensee: { name: 'x' },
      datasetTitle: t('d'),
    }));
    const agenda = agencyAgenda(
      { ...none, awaitingPayment: [license('new', inDays(-1)), license('old', inDays(-9))], certificates },
      now,
    );
    expect(agenda.awaitingPayment.map((l) => l.id)).toEqual(['old', 'new']);
    expect(agenda.recentCertificates).toHaveLength(RECENT_CERTIFICATES);
    expect(agenda.recentCertificates[0]!.number).toBe('APL-2026-000000');
    expect(agenda.count).toBe(2);
  });
});
