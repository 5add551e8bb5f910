/**
 * Records the service stores beside a proposal: consultation comments and the audit trail.
 * Types only; their rules live in consultation.ts and proposal-status.ts.
 */
export type IdentityTier = 'ORGANIZATION' | 'VERIFIED_EMAIL' | 'UNVERIFIED';
export type DispositionKind = 'ADOPTED' | 'PARTLY_ADOPTED' | 'NOT_ADOPTED';

export interface ConsultationComment {
  id: string;
  proposalId: string;
  /** Proposal version and consultation round the comment was made on. */
  proposalVersion: number;
  round: number;
  body: string;
  itemId?: string;
  author: { name?: string; email?: string; organization?: string };
  emailVerified: boolean;
  /** Fingerprint of the normalised text: identical campaign texts share it. */
  campaignKey: string;
  receivedAt: string;
  disposition?: { disposition: DispositionKind; reply: string; answeredAt: string; answeredBy: string };
}

export type ActorKind = 'agency' | 'operator' | 'public' | 'member' | 'system';

/** One entry of the audit trail: who did what, when, on which proposal version. */
export interface AuditEvent {
  id: string;
  proposalId: string;
  at: string;
  actor: { kind: ActorKind; id?: string };
  type: string;
  proposalVersion: number;
  detail?: Record<string, unknown>;
}
