/**
 * The consultation half of the review workflow, one function per workflow step. Each reads the
 * stored proposal and does nothing when its work is already done, so a workflow that is run again
 * (a retry, a restart of the local runtime) converges to where the review stands.
 */
import { ConflictError } from '#domain/errors';
import { undisposedComments } from '#domain/consultation';
import { nextStatus } from '#domain/proposal-status';
import { currentClock } from '#ports/clock';
import { proposalRepository } from '#ports/proposal-repository';
import type { ProposalRecord } from '#ports/proposal-repository';
import { agencyRepository } from '#ports/registry-repository';
import { deadlineName, scheduler } from '#ports/scheduler';
import { blobStore, mailer } from '#ports/adapters';
import type { OutgoingMail } from '#ports/mailer';
import {
  consultationClosedMail,
  consultationNoticeMail,
  reportPublishedMail,
} from '#templates/mail/consultation-mails';
import { renderConsultationReport } from '#templates/pdf/consultation-report';
import type { RenderedMail } from '#templates/mail/format';
import { systemActor } from './actors.ts';
import { buildConsultationReport, reportJsonKey, reportPdfKey, sha256 } from './consultation-report.ts';
import { links } from './links.ts';
import { parkStep, releaseWaitingStep } from './workflow-steps.ts';
import { updateProposal } from './update-proposal.ts';

interface StepInput {
  proposalId: string;
  version: number;
  round: number;
}

async function load(input: StepInput): Promise<ProposalRecord> {
  const found = await proposalRepository.get(input.proposalId);
  if (!found) throw new ConflictError('PROPOSAL_MISSING', `Proposal ${input.proposalId} is gone.`);
  return found.value;
}

/** Whether the stored proposal has moved on to another version or round than this execution's. */
function superseded(proposal: ProposalRecord, input: StepInput): boolean {
  return proposal.version !== input.version || (proposal.consultation?.round ?? 0) !== input.round;
}

export async function mailAgency(
  agencyId: string,
  mail: RenderedMail,
  idempotencyKey: string,
): Promise<void> {
  const agency = await agencyRepository.get(agencyId);
  if (!agency?.contactEmail) return;
  const message: OutgoingMail = { to: [agency.contactEmail], ...mail, idempotencyKey };
  await (await mailer()).send(message);
}

export async function publishConsultationNotice(input: StepInput) {
  const proposal = await load(input);
  if (superseded(proposal, input) || proposal.noticePublishedAt) return { status: proposal.status };
  const agency = await agencyRepository.get(proposal.agencyId);
  const consultation = proposal.consultation!;
  if (agency) {
    await mailAgency(
      proposal.agencyId,
      consultationNoticeMail({
        proposal,
        agency,
        opensAt: consultation.opensAt,
        closesAt: consultation.closesAt,
        proposalUrl: links.proposal(proposal.id),
        commentUrl: links.comments(proposal.id),
      }),
      `notice-${proposal.id}-v${input.version}-r${input.round}`,
    );
  }
  const { proposal: updated } = await updateProposal(input.proposalId, (current, now) =>
    current.noticePublishedAt
      ? undefined
      : {
          next: { ...current, noticePublishedAt: now.toISOString() },
          event: { type: 'NOTICE_PUBLISHED', actor: systemActor, detail: { round: input.round } },
        },
  );
  return { status: updated.status };
}

export async function awaitConsultationClose(input: StepInput & { taskToken: string }) {
  const proposal = await load(input);
  await parkStep(input, 'CONSULTATION_CLOSE', input.taskToken);
  const closesAt = proposal.consultation!.closesAt;
  const payload = {
    kind: 'CONSULTATION_CLOSES' as const,
    proposalId: input.proposalId,
    version: input.version,
    round: input.round,
  };
  await (await scheduler()).schedule({ name: deadlineName(payload), at: closesAt, payload });
  // Already past (a re-run after a restart, or a deadline that fired before the token was stored).
  if (
    proposal.status !== 'IN_CONSULTATION' ||
    superseded(proposal, input) ||
    currentClock().now().getTime() >= Date.parse(closesAt)
  ) {
    await releaseWaitingStep(input.proposalId, 'CONSULTATION_CLOSE', { closedAt: closesAt });
  }
  return { parked: true };
}

export async function closeConsultation(input: StepInput) {
  const { proposal, changed } = await updateProposal(input.proposalId, (current) => {
    if (current.status !== 'IN_CONSULTATION' || superseded(current, input)) return undefined;
    return {
      next: { ...current, status: nextStatus(current.status, 'CLOSE_CONSULTATION') },
      event: { type: 'CONSULTATION_CLOSED', actor: systemActor, detail: { round: input.round } },
    };
  });
  if (changed) {
    const comments = (await proposalRepository.listComments(input.proposalId)).filter(
      (c) => c.round === input.round,
    );
    await mailAgency(
      proposal.agencyId,
      consultationClosedMail({
        proposal,
        commentCount: comments.length,
        pending: undisposedComments(comments).length,
        proposalUrl: links.proposal(proposal.id),
      }),
      `closed-${proposal.id}-v${input.version}-r${input.round}`,
    );
  }
  return { status: proposal.status };
}

export async function awaitDispositions(input: StepInput & { taskToken: string }) {
  await parkStep(input, 'DISPOSITIONS', input.taskToken);
  const proposal = await load(input);
  const comments = (await proposalRepository.listComments(input.proposalId)).filter(
    (c) => c.round === input.round,
  );
  if (proposal.status !== 'AWAITING_RESPONSES' || undisposedComments(comments).length === 0) {
    await releaseWaitingStep(input.proposalId, 'DISPOSITIONS', { answered: true });
  }
  return { parked: true };
}

export async function publishConsultationReport(input: StepInput) {
  const proposal = await load(input);
  if (
    proposal.consultationReport?.round === input.round &&
    proposal.consultationReport.version === input.version
  ) {
    return { status: proposal.status };
  }
  const now = currentClock().now().toISOString();
  const report = await buildConsultationReport(proposal, now);
  const pdf = await renderConsultationReport(report);
  const pdfKey = reportPdfKey(proposal.id, input.round);
  const blobs = await blobStore();
  await blobs.put(
    reportJsonKey(proposal.id, input.round),
    Buffer.from(JSON.stringify(report)),
    'application/json',
  );
  await blobs.put(pdfKey, pdf, 'application/pdf');
  const { proposal: updated, changed } = await updateProposal(input.proposalId, (current) => {
    if (current.status !== 'AWAITING_RESPONSES' || superseded(current, input)) return undefined;
    return {
      next: {
        ...current,
        status: nextStatus(current.status, 'OPEN_REVIEW'),
        consultationReport: {
          round: input.round,
          version: input.version,
          publishedAt: now,
          pdfKey,
          pdfSha256: sha256(pdf),
          commentCount: report.comments.length,
        },
      },
      event: {
        type: 'CONSULTATION_REPORT_PUBLISHED',
        actor: systemActor,
        detail: { round: input.round, comments: report.comments.length },
      },
    };
  });
  if (changed) {
    await mailAgency(
      updated.agencyId,
      reportPublishedMail({
        proposal: updated,
        reportUrl: links.report(updated.id),
        pdfUrl: links.reportPdf(updated.id),
      }),
      `report-${updated.id}-v${input.version}-r${input.round}`,
    );
  }
  return { status: updated.status };
}

export async function recordReviewFailure(
  input: StepInput & { failure?: { Error?: string; Cause?: string } },
) {
  await proposalRepository.appendEvent({
    proposalId: input.proposalId,
    at: currentClock().now().toISOString(),
    actor: systemActor,
    type: 'REVIEW_STOPPED',
    proposalVersion: input.version,
    detail: { error: input.failure?.Error ?? 'unknown', cause: (input.failure?.Cause ?? '').slice(0, 1000) },
  });
  return { recorded: true };
}
