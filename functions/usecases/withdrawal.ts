/**
 * A withdrawn proposal's withdrawal as its public trail has it: when, and the agency's reason (the
 * withdrawal page tells the clerk the reason is published). The workspace's page of the proposal and
 * its public page both show it.
 */
import { proposalRepository, type ProposalRecord } from '#ports/proposal-repository';

export interface Withdrawal {
  at: string;
  reason: string;
}

export async function withdrawal(p: ProposalRecord): Promise<Withdrawal | undefined> {
  if (p.status !== 'WITHDRAWN') return undefined;
  const events = await proposalRepository.listEvents(p.id, p.lastEvent);
  const event = events.findLast((e) => e.type === 'WITHDRAWN');
  const reason = event?.detail?.reason;
  return event && typeof reason === 'string' ? { at: event.at, reason } : undefined;
}
