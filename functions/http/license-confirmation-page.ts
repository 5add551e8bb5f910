/**
 * GET (and HEAD) /license-confirmations/{secret}: what the request would issue, and a Confirm
 * button. It changes nothing, however often it is fetched: mail scanners open every link.
 */
import { lookUpLicenseConfirmation } from '#usecases/request-license';
import { pagePaths } from '#usecases/page-paths';
import { confirmLicensePage, licenseLinkProblemPage } from '#templates/pages/license-confirmation';
import { seeOther } from './forms.ts';
import { httpGetHandler } from './handler.ts';
import { LICENSE_LINK_ERRORS } from './license-link-errors.ts';
import { pageResult } from './page-result.ts';
import { SecretParam } from './path-params.ts';

export const handler = httpGetHandler(
  { access: 'public', params: SecretParam, pageErrors: LICENSE_LINK_ERRORS.pages },
  async ({ params, locale }) => {
    const { license, pending, expired } = await lookUpLicenseConfirmation(params.secret);
    if (expired) return pageResult(410, licenseLinkProblemPage('EXPIRED', locale));
    // Confirmed already: the license's own page says where it stands.
    if (!pending) return seeOther(pagePaths.license(license.value.heldBy ?? license.value.id));
    const request = license.value;
    return pageResult(
      200,
      confirmLicensePage(
        {
          datasetTitle: request.dataset.title,
          agencyName: request.dataset.agencyName,
          licensee: {
            name: request.licensee.name,
            ...(request.licensee.organization ? { organization: request.licensee.organization } : {}),
          },
          purpose: request.purpose,
          expiresAt: request.confirmation!.expiresAt,
          actionPath: `/license-confirmations/${encodeURIComponent(params.secret)}`,
        },
        locale,
      ),
    );
  },
);
