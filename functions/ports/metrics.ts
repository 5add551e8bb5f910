/**
 * Business counts: how many proposals were submitted, comments received, votes cast, certificates
 * issued and mails sent (bounces and complaints are counted by SES itself, through the configuration
 * set's CloudWatch destination, in stateful-stack.ts). A count is added once the thing it counts is
 * recorded. On AWS they are CloudWatch metrics written as EMF log lines (`metrics-emf.ts`: no API
 * call, no permission); locally they are kept in the process (`metrics-local.ts`), where tests read
 * them. The names and the namespace live here only: the dashboard reads them from this file.
 */
export const METRICS_NAMESPACE = 'OgdlFeeReview';

export const BUSINESS_COUNTS = {
  proposalSubmitted: 'ProposalsSubmitted',
  commentReceived: 'CommentsReceived',
  voteCast: 'VotesCast',
  certificateIssued: 'CertificatesIssued',
  mailSent: 'MailsSent',
} as const;

export type BusinessCount = (typeof BUSINESS_COUNTS)[keyof typeof BUSINESS_COUNTS];

export interface Metrics {
  /** Adds `value` (1 unless given) to the count, published at once (nothing waits for the handler's end). */
  count(name: BusinessCount, value?: number): void;
}
