/**
 * GET (and HEAD) /ballots/{secret}: the member's ballot page. It changes nothing, however often
 * it is fetched and by whom: mail security scanners open every link.
 */
import { openBallot } from '#usecases/cast-ballot';
import { packetProposal } from '#usecases/open-vote';
import { links } from '#usecases/links';
import { ballotPage } from '#templates/pages/ballot';
import { BALLOT_ERRORS } from './ballot-errors.ts';
import { httpGetHandler } from './handler.ts';
import { pageResult } from './page-result.ts';
import { SecretParam } from './path-params.ts';

export const handler = httpGetHandler(
  { access: 'public', params: SecretParam, pageErrors: BALLOT_ERRORS.page },
  async ({ params, locale }) => {
    const { ballot, proposal } = await openBallot(params.secret);
    return pageResult(
      200,
      ballotPage(
        {
          member: { name: ballot.value.memberName, seat: ballot.value.seat },
          proposal: await packetProposal(proposal),
          reportUrl: links.report(proposal.id),
          reportPdfUrl: links.reportPdf(proposal.id),
          deadline: proposal.review!.deadline,
          actionPath: `/ballots/${encodeURIComponent(params.secret)}`,
        },
        locale,
      ),
    );
  },
);
