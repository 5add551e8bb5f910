/**
 * POST /ballots/{secret}: records the member's vote, from the page's form or as JSON. A second
 * POST, an expired or superseded link answers 410 saying which and what was recorded.
 */
import { NotFoundError, ValidationError } from '#domain/errors';
import { BallotInputSchema } from '#domain/ballot';
import { BallotDecisionSchema } from '#domain/vote-tally';
import { BallotGoneError, castBallot, openBallot } from '#usecases/cast-ballot';
import { packetProposal } from '#usecases/open-vote';
import { links } from '#usecases/links';
import { ballotPage, ballotRecordedPage, ballotUnknownPage } from '#templates/pages/ballot';
import { parseWith } from './middleware/parse-request.ts';
import { httpHandler } from './handler.ts';
import { pageResult } from './page-result.ts';
import { BallotParams, goneResult } from './ballot-page.ts';
import { json } from './types.ts';
import * as z from '#domain/zod';

export const handler = httpHandler(
  {
    access: 'public',
    params: BallotParams,
    // Any object: the ballot is parsed below, so that a refused one shows the form again. A loose
    // object says that with the object schema every handler bundles anyway (z.record costs 4.5 KB).
    body: z.looseObject({}),
    bodyLimitBytes: 16 * 1024,
  },
  async ({ params, body, headers }) => {
    const wantsJson = (headers['content-type'] ?? '').includes('json');
    try {
      const input = parseWith(BallotInputSchema, body, 'body');
      const { ballot, proposal } = await castBallot(params.secret, input);
      const cast = ballot.cast!;
      if (wantsJson)
        return json(200, {
          proposalId: proposal.id,
          version: ballot.version,
          member: ballot.memberName,
          ...cast,
        });
      return pageResult(
        200,
        ballotRecordedPage({
          member: { name: ballot.memberName },
          proposalTitle: proposal.title,
          decision: cast.decision,
          reason: cast.reason,
          castAt: cast.castAt,
          decisionUrl: links.decision(proposal.id),
        }),
      );
    } catch (error) {
      if (wantsJson) throw error;
      if (error instanceof BallotGoneError) return goneResult(error);
      if (error instanceof NotFoundError) return pageResult(404, ballotUnknownPage());
      if (error instanceof ValidationError) {
        // Show the form again with the problem and what the member had chosen.
        const { ballot, proposal } = await openBallot(params.secret);
        const decision = BallotDecisionSchema.safeParse(body.decision);
        const previous = {
          decision: decision.success ? decision.data : undefined,
          reason: typeof body.reason === 'string' ? body.reason : undefined,
        };
        return pageResult(
          400,
          ballotPage({
            member: { name: ballot.value.memberName, seat: ballot.value.seat },
            proposal: await packetProposal(proposal),
            reportUrl: links.report(proposal.id),
            reportPdfUrl: links.reportPdf(proposal.id),
            deadline: proposal.review!.deadline,
            actionPath: `/ballots/${encodeURIComponent(params.secret)}`,
            error: {
              message: error.details[0]?.message ?? error.message,
              field: error.details[0]?.path,
              messages: error.details[0]?.messages,
            },
            previous,
          }),
        );
      }
      throw error;
    }
  },
);
