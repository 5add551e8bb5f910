/**
 * Deadlines as data: a consultation's closing date, a vote deadline, a reminder, an effective
 * date. Each is a named one-time schedule that invokes the deadline function with its payload;
 * scheduling the same name again moves it (an extension), cancelling removes it.
 * AWS: EventBridge Scheduler `at()` schedules. Local: items in the table that the local runtime
 * fires when its clock reaches them.
 */
import { optionalEnv } from './config.ts';

export type DeadlineKind =
  'CONSULTATION_CLOSES' | 'VOTE_DEADLINE' | 'VOTE_REMINDER' | 'SCHEDULE_TAKES_EFFECT' | 'REVIEW_REMINDER';

export interface DeadlinePayload {
  kind: DeadlineKind;
  proposalId: string;
  version: number;
  round: number;
}

export interface Deadline {
  name: string;
  at: string;
  payload: DeadlinePayload;
}

export interface Scheduler {
  schedule(deadline: Deadline): Promise<void>;
  cancel(name: string): Promise<void>;
}

export function deadlineName(payload: DeadlinePayload): string {
  return `${payload.kind.toLowerCase().replace(/_/g, '-')}-${payload.proposalId}-v${payload.version}-r${payload.round}`;
}

let active: Scheduler | undefined;

export async function scheduler(): Promise<Scheduler> {
  if (active) return active;
  // Local-only: AWS bundles define OGDL_LOCAL_ADAPTERS as "false", dropping this branch (see adapters.ts).
  if (process.env.OGDL_LOCAL_ADAPTERS !== 'false' && optionalEnv('SCHEDULER_MODE') === 'table') {
    const { TableScheduler } = await import('./scheduler-table.ts');
    active = new TableScheduler();
  } else {
    const { EventBridgeScheduler } = await import('./scheduler-eventbridge.ts');
    active = new EventBridgeScheduler();
  }
  return active;
}

export function resetScheduler(): void {
  active = undefined;
}
