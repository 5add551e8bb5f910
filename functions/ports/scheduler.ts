/**
 * Deadlines as data: a consultation's closing date, a vote deadline, a reminder, an effective
 * date. Each is a named one-time schedule that invokes the deadline function with its payload;
 * scheduling the same name again moves it (an extension), cancelling removes it.
 * AWS: EventBridge Scheduler `at()` schedules. Local: items in the table that the local runtime
 * fires when its clock reaches them. Which one a process uses is chosen in adapters.ts.
 */
export type DeadlineKind =
  | 'CONSULTATION_CLOSES'
  | 'VOTE_DEADLINE'
  | 'VOTE_REMINDER'
  | 'SCHEDULE_TAKES_EFFECT'
  | 'REVIEW_REMINDER'
  | 'COMMENT_DIGEST';

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
