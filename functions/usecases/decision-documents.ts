/**
 * The decision record as published, revision by revision: 0 is the record published with the
 * decision, then one revision after each step of 規費法 §10 (decision-revisions.ts). None is ever
 * changed; the last is the current one.
 */
import type { DecisionRecord, DecisionRevision } from '#domain/records';

/** A revision, or revision 0 (which no step issued). */
export type DecisionDocument = Omit<DecisionRevision, 'afterStep'> &
  Partial<Pick<DecisionRevision, 'afterStep'>>;

export function decisionDocuments(decision: DecisionRecord): DecisionDocument[] {
  if (!decision.pdfKey || !decision.pdfSha256) return [];
  return [
    { revision: 0, issuedAt: decision.decidedAt, pdfKey: decision.pdfKey, pdfSha256: decision.pdfSha256 },
    ...(decision.revisions ?? []),
  ];
}
