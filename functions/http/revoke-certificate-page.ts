/**
 * GET /agency/licensing/certificates/{number}/revoke: the revocation's confirmation page (what is
 * revoked, the reasons the domain allows for it, a note, and what becomes public). POST (the same
 * function): the same use case as POST /certificates/{number}/revoke → 303 to the desk; a refusal
 * shows the page again with each field's message in both languages.
 */
import * as z from '#domain/zod';
import { ConflictError } from '#domain/errors';
import { fieldLimitsOf } from '#domain/field-limits';
import type { Principal } from '#domain/principal';
import type { WorkspaceSession } from '#domain/session';
import { revocationReasons, REVOKE_LABELS, RevokeInputSchema } from '#domain/license';
import { ownCertificate } from '#usecases/licensing-desk';
import { pagePaths } from '#usecases/page-paths';
import { revokeCertificate } from '#usecases/revoke-certificate';
import { workspacePaths } from '#usecases/workspace-paths';
import { DESK_STYLES } from '#templates/pages/desk-styles';
import type { FormState } from '#templates/pages/form-fields';
import { revokePageBody } from '#templates/pages/licensing-desk';
import { csrfField, workspacePage } from '#templates/pages/workspace';
import { CertificateNumberParam } from './certificate-params.ts';
import { formPost } from './form-post.ts';
import { formToBody, formValues, isFormPost, seeOther } from './forms.ts';
import { parseWith } from './middleware/parse-request.ts';
import type { HttpResult } from './types.ts';
import { frameOf, workspaceHandler } from './workspace-handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

const FIELDS = ['reason', 'note'] as const;

export const handler = workspaceHandler(
  { access: 'workspace-agency', params: CertificateNumberParam, body: z.unknown(), bodyLimitBytes: 8 * 1024 },
  async ({ params, principal, session, headers, body }) => {
    const render = (status: number, form?: FormState) =>
      revokePage(params.number, principal, session, status, form);
    if (!isFormPost(headers)) return render(200);
    const values = formValues(body, FIELDS);
    return formPost(
      { values, bilingual: true },
      async () => {
        const input = parseWith(RevokeInputSchema, formToBody(values, FIELDS), 'body');
        const marked = await revokeCertificate(params.number, input, principal);
        return seeOther(workspacePaths.licensingNotice('revoked', marked.number));
      },
      (form) => render(form.problem.status, form),
    );
  },
);

/** The confirmation page; a certificate no longer valid (also after a refused post) is a 409 page. */
async function revokePage(
  number: string,
  principal: Principal | undefined,
  session: WorkspaceSession,
  status: number,
  form?: FormState,
): Promise<HttpResult> {
  const certificate = await ownCertificate(number, principal);
  if (certificate.status !== 'VALID')
    throw new ConflictError(
      'CERTIFICATE_ALREADY_REVOKED',
      `Certificate '${certificate.number}' was marked ${certificate.status} already.`,
    );
  const { claims } = certificate;
  const page = revokePageBody({
    csrf: csrfField(session.csrfToken),
    labels: REVOKE_LABELS,
    limits: fieldLimitsOf(RevokeInputSchema),
    certificate: {
      number: certificate.number,
      issuedAt: claims.issuedAt,
      licensee: claims.licensee,
      dataset: { title: claims.dataset.title, version: claims.dataset.version },
      status: certificate.status,
      verifyUrl: pagePaths.verify(certificate.number),
      classification: claims.dataset.classification,
    },
    reasons: revocationReasons(claims.dataset.classification),
    action: workspacePaths.revokeCertificate(certificate.number),
    cancel: workspacePaths.licensing(),
    ...(form ? { form } : {}),
  });
  return workspacePageResult(
    status,
    workspacePage(frameOf(session), { zh: '撤銷證明書', en: 'Revoke a certificate' }, page, {
      current: workspacePaths.licensing(),
      styles: DESK_STYLES,
    }),
  );
}
