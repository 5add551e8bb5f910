/**
 * Workflow step "Publish the consultation report": JSON + PDF, then AWAITING_RESPONSES →
 * UNDER_REVIEW; the agency is mailed, and so is each follower of the proposal (inform-commenters.ts).
 * Retried after the report was recorded (a throttled mail, a timeout), it sends the mails that had
 * not gone out yet; those that had are not sent again (their keys, mailer-once.ts).
 */
import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { nextStatus } from '#domain/proposal-status';
import { blobStore } from '#ports/adapters';
import { currentClock } from '#ports/clock';
import { reportToFollowerMail } from '#templates/mail/commenter-mails';
import { reportPublishedMail } from '#templates/mail/consultation-mails';
import { writeConsultationReport } from '#templates/pdf/consultation-report';
import { systemActor } from './actors.ts';
import {
  countReport,
  REPORT_PAGE_SIZE,
  reportCommentsPageKey,
  reportHead,
  reportJsonKey,
  reportPdfKey,
  reportRows,
  type PublishedReportHead,
  type ReportRow,
} from './consultation-report.ts';
import { informFollowers } from './inform-commenters.ts';
import { links } from './links.ts';
import { mailAgency } from './mail-agency.ts';
import { loadProposal, superseded, type StepInput } from './review-step.ts';
import { updateProposal } from './update-proposal.ts';
import type { ProposalRecord } from '#ports/proposal-repository';

export async function publishConsultationReport(input: StepInput) {
  const proposal = await loadProposal(input);
  if (reportRecorded(proposal, input)) return mailThatItIsPublished(proposal, input);
  const now = currentClock().now().toISOString();
  const blobs = await blobStore();
  const { groups, counts } = await countReport(proposal.id, input.round);
  const head = await reportHead(proposal, counts, now);
  const pdfKey = reportPdfKey(proposal.id, input.round);

  // Pass two: each row goes to the PDF as it is printed and into the JSON page it belongs to.
  let commentPages = 0;
  async function* rowsStoredInPages(): AsyncGenerator<ReportRow> {
    let page: ReportRow[] = [];
    const store = async () => {
      commentPages += 1;
      const key = reportCommentsPageKey(proposal.id, input.round, commentPages);
      await blobs.put(key, Buffer.from(JSON.stringify(page)), 'application/json');
      page = [];
    };
    for await (const row of reportRows(proposal.id, input.round, groups)) {
      page.push(row);
      yield row;
      if (page.length === REPORT_PAGE_SIZE) await store();
    }
    if (page.length > 0) await store();
  }
  // The PDF goes to the blob store as it is written, through the hash its record keeps.
  const hash = createHash('sha256');
  const hashed = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await Promise.all([
    blobs.putStream(pdfKey, hashed, 'application/pdf'),
    writeConsultationReport({ ...head, comments: rowsStoredInPages() }, hashed),
  ]);
  const pdfSha256 = hash.digest('hex');
  // The head last: a reader who finds it finds every page it counts.
  const published: PublishedReportHead = { ...head, commentPages };
  await blobs.put(
    reportJsonKey(proposal.id, input.round),
    Buffer.from(JSON.stringify(published)),
    'application/json',
  );
  const { proposal: updated } = await updateProposal(input.proposalId, (current) => {
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
          pdfSha256,
          commentCount: counts.entries,
        },
      },
      event: {
        type: 'CONSULTATION_REPORT_PUBLISHED',
        actor: systemActor,
        detail: { round: input.round, comments: counts.entries },
      },
    };
  });
  // Recorded by this attempt or by another one of the same step: either way it is announced.
  if (!reportRecorded(updated, input)) return { status: updated.status };
  return mailThatItIsPublished(updated, input);
}

const reportRecorded = (proposal: ProposalRecord, input: StepInput) =>
  proposal.consultationReport?.round === input.round && proposal.consultationReport.version === input.version;

/** The agency and each follower hear that the report is out; keyed, so a retry sends only what is missing. */
async function mailThatItIsPublished(proposal: ProposalRecord, input: StepInput) {
  const key = `report-${proposal.id}-v${input.version}-r${input.round}`;
  await mailAgency(
    proposal.agencyId,
    reportPublishedMail({
      proposal,
      reportUrl: links.report(proposal.id),
      proposalUrl: links.proposal(proposal.id),
    }),
    key,
  );
  await informFollowers(
    proposal.id,
    (follower, unsubscribeUrl) =>
      reportToFollowerMail({
        proposalTitle: proposal.title,
        commentCount: proposal.consultationReport!.commentCount,
        reportUrl: links.report(proposal.id),
        unsubscribeUrl,
        ...(follower.lang ? { lang: follower.lang } : {}),
      }),
    key,
  );
  return { status: proposal.status };
}
