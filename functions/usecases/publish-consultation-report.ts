/** Workflow step "Publish the consultation report": JSON + PDF, then AWAITING_RESPONSES → UNDER_REVIEW. */
import { nextStatus } from '#domain/proposal-status';
import { blobStore } from '#ports/adapters';
import { currentClock } from '#ports/clock';
import { reportPublishedMail } from '#templates/mail/consultation-mails';
import { renderConsultationReport } from '#templates/pdf/consultation-report';
import { systemActor } from './actors.ts';
import { buildConsultationReport, reportJsonKey, reportPdfKey, sha256 } from './consultation-report.ts';
import { links } from './links.ts';
import { mailAgency } from './mail-agency.ts';
import { loadProposal, superseded, type StepInput } from './review-step.ts';
import { updateProposal } from './update-proposal.ts';

export async function publishConsultationReport(input: StepInput) {
  const proposal = await loadProposal(input);
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
        proposalUrl: links.proposal(updated.id),
      }),
      `report-${updated.id}-v${input.version}-r${input.round}`,
    );
  }
  return { status: updated.status };
}
