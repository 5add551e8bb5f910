/**
 * POST /ballots/{secret}: records the member's vote, from the page's form or as JSON. A second
 * POST, an expired or superseded link answers 410 saying which and what was recorded.
 */
import { BallotInputSchema } from '#domain/ballot';
import { castBallot } from '#usecases/cast-ballot';
import { links } from '#usecases/links';
import { ballotRecordedPage } from '#templates/pages/ballot';
import { parseWith } from './middleware/parse-request.ts';
import { BALLOT_ERRORS } from './ballot-errors.ts';
import { httpHandler } from './handler.ts';
import { wantsPage } from './page-errors.ts';
import { pageResult } from './page-result.ts';
import { json } from './types.ts';
import * as z from '#domain/zod';
import { SecretParam } from './path-params.ts';

export const handler = httpHandler(
  {
    access: 'public',
    params: SecretParam,
    // Any object: the ballot is parsed below, so that a refused one shows the form again. A loose
    // object says that with the object schema every handler bundles anyway (z.record costs 4.5 KB).
    body: z.looseObject({}),
    bodyLimitBytes: 16 * 1024,
    pageErrors: BALLOT_ERRORS.form,
  },
  async ({ params, body, headers, locale }) => {
    const input = parseWith(BallotInputSchema, body, 'body');
    const { ballot, proposal } = await castBallot(params.secret, input);
    const cast = ballot.cast!;
    if (!wantsPage(headers, 'forms'))
      return json(200, {
        proposalId: proposal.id,
        version: ballot.version,
        member: ballot.memberName,
        ...cast,
      });
    return pageResult(
      200,
      ballotRecordedPage(
        {
          member: { name: ballot.memberName },
          proposalTitle: proposal.title,
          decision: cast.decision,
          reason: cast.reason,
          castAt: cast.castAt,
          decisionUrl: links.decision(proposal.id),
        },
        locale,
      ),
    );
  },
);
