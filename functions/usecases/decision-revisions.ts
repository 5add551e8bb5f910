/**
 * The decision record after the vote. The record published with the decision is never changed:
 * when the agency records a step of 規費法 §10, the record is re-issued as a new revision, a new
 * PDF under its own key with its own SHA-256, that repeats the decision unchanged, lists every step
 * recorded so far and names the revision it supersedes by its hash. This is what a legal officer
 * expects of an amended record: the earlier versions stay as they were, each can still be fetched
 * (`?revision=n`) and checked against its published hash, and the latest is the one linked.
 *
 * HTTP functions render no PDF: the revision is rendered by the render function on AWS (in this
 * process locally), like a certificate.
 */
import { createHash } from 'node:crypto';
import type { FeeLawStepRecord } from '#domain/fee-law-steps';
import type { DecisionRecord, DecisionRevision } from '#domain/records';
import { blobStore, certificateRenderer } from '#ports/adapters';
import type { ProposalRecord } from '#ports/proposal-repository';
import { decisionDocuments } from './decision-documents.ts';
import { decisionRecordView } from './decision-view.ts';

/** Content-addressed: two racing attempts never overwrite each other's bytes under one key. */
const revisionPdfKey = (proposalId: string, version: number, revision: number, sha256: string) =>
  `decisions/${proposalId}/version-${version}-revision-${revision}-${sha256.slice(0, 16)}.pdf`;

/**
 * Renders and stores the revision issued after `step` of `proposal` (its steps already include
 * it), and returns the decision with that revision added. Stored before the proposal is written:
 * a write that then fails leaves an unreferenced file, never a referenced one missing.
 */
export async function reissueDecisionRecord(
  proposal: ProposalRecord,
  step: FeeLawStepRecord,
): Promise<DecisionRecord> {
  const decision = proposal.decision!;
  const previous = decisionDocuments(decision).at(-1);
  if (!previous) throw new Error(`Proposal ${proposal.id} has a decision without its record.`);
  const revision = previous.revision + 1;
  const view = await decisionRecordView(proposal, decision, {
    number: revision,
    issuedAt: step.recordedAt,
    supersedes: { number: previous.revision, issuedAt: previous.issuedAt, sha256: previous.pdfSha256 },
  });
  const pdf = await (await certificateRenderer()).renderDecisionRecord(view);
  const pdfSha256 = createHash('sha256').update(pdf).digest('hex');
  const pdfKey = revisionPdfKey(proposal.id, decision.version, revision, pdfSha256);
  await (await blobStore()).put(pdfKey, pdf, 'application/pdf');
  const added: DecisionRevision = {
    revision,
    afterStep: step.step,
    issuedAt: step.recordedAt,
    pdfKey,
    pdfSha256,
  };
  return { ...decision, revisions: [...(decision.revisions ?? []), added] };
}
