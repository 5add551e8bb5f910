/**
 * GET (and HEAD) /ballots/{secret}: the member's ballot page. It changes nothing, however often
 * it is fetched and by whom: mail security scanners open every link.
 */
import * as z from '#domain/zod';
import { NotFoundError } from '#domain/errors';
import { BallotGoneError, openBallot } from '#usecases/cast-ballot';
import { packetProposal } from '#usecases/open-vote';
import { links } from '#usecases/links';
import { ballotGonePage, ballotPage, ballotUnknownPage } from '#templates/pages/ballot';
import { httpHandler } from './handler.ts';
import { pageResult } from './page-result.ts';

export const BallotParams = z.object({ secret: z.string().check(z.minLength(1), z.maxLength(200)) });

export function goneResult(error: BallotGoneError) {
  return pageResult(
    410,
    ballotGonePage({
      why: error.why,
      proposalTitle: error.proposal.title,
      ...(error.recorded ? { recorded: error.recorded } : {}),
      ...(error.vote?.closedAt ? { closedAt: error.vote.closedAt } : {}),
      ...(error.proposal.review ? { deadline: error.proposal.review.deadline } : {}),
      decisionUrl: links.decision(error.proposal.id),
    }),
  );
}

export const handler = httpHandler({ access: 'public', params: BallotParams }, async ({ params }) => {
  try {
    const { ballot, proposal } = await openBallot(params.secret);
    return pageResult(
      200,
      ballotPage({
        member: { name: ballot.value.memberName, seat: ballot.value.seat },
        proposal: await packetProposal(proposal),
        reportUrl: links.report(proposal.id),
        reportPdfUrl: links.reportPdf(proposal.id),
        deadline: proposal.review!.deadline,
        actionPath: `/ballots/${encodeURIComponent(params.secret)}`,
      }),
    );
  } catch (error) {
    if (error instanceof BallotGoneError) return goneResult(error);
    if (error instanceof NotFoundError) return pageResult(404, ballotUnknownPage());
    throw error;
  }
});
