/**
 * The pages of a ballot link: unknown (404), used, expired or superseded (410, saying which and
 * what was recorded), and on its form a refused ballot: the form again with the problem and what
 * the member had chosen (400). A ballot sent as JSON is answered in JSON.
 */
import { ValidationError } from '#domain/errors';
import { BallotDecisionSchema } from '#domain/vote-tally';
import { BallotGoneError, openBallot } from '#usecases/cast-ballot';
import { packetProposal } from '#usecases/open-vote';
import { links } from '#usecases/links';
import { ballotGonePage, ballotPage, ballotUnknownPage } from '#templates/pages/ballot';
import type { PageLocale } from '#templates/language';
import { readBody } from './middleware/parse-request.ts';
import { SecretParam } from './path-params.ts';
import { pageErrors, type PageContract } from './page-errors.ts';

const LINK_PAGES: PageContract = {
  notFound: (_error, { locale }) => ballotUnknownPage(locale),
  gone: (error, { locale }) =>
    error instanceof BallotGoneError
      ? ballotGonePage(
          {
            why: error.why,
            proposalTitle: error.proposal.title,
            ...(error.recorded ? { recorded: error.recorded } : {}),
            ...(error.vote?.closedAt ? { closedAt: error.vote.closedAt } : {}),
            ...(error.proposal.review ? { deadline: error.proposal.review.deadline } : {}),
            decisionUrl: links.decision(error.proposal.id),
          },
          locale,
        )
      : undefined,
};

/** The ballot form again, with the refusal and what the member had chosen. */
async function refusedBallot(
  error: ValidationError,
  secret: string,
  posted: unknown,
  locale: PageLocale,
): Promise<string> {
  const { ballot, proposal } = await openBallot(secret);
  const body = (typeof posted === 'object' && posted !== null ? posted : {}) as Record<string, unknown>;
  const decision = BallotDecisionSchema.safeParse(body.decision);
  return ballotPage(
    {
      member: { name: ballot.value.memberName, seat: ballot.value.seat },
      proposal: await packetProposal(proposal),
      reportUrl: links.report(proposal.id),
      reportPdfUrl: links.reportPdf(proposal.id),
      deadline: proposal.review!.deadline,
      actionPath: `/ballots/${encodeURIComponent(secret)}`,
      error: {
        message: error.details[0]?.message ?? error.message,
        field: error.details[0]?.path,
        messages: error.details[0]?.messages,
      },
      previous: {
        decision: decision.success ? decision.data : undefined,
        reason: typeof body.reason === 'string' ? body.reason : undefined,
      },
    },
    locale,
  );
}

export const BALLOT_ERRORS = {
  page: pageErrors({ ...LINK_PAGES, audience: 'everyone' }),
  form: pageErrors({
    ...LINK_PAGES,
    audience: 'forms',
    refused: (error, { event, locale }) => {
      const secret = SecretParam.safeParse(event.pathParameters ?? {});
      return error instanceof ValidationError && secret.success
        ? refusedBallot(error, secret.data.secret, readBody(event), locale)
        : undefined;
    },
  }),
};
