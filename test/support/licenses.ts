/** A license request taken through the e-mail confirmation a licensee makes from the mailed link. */
import { linksIn, mailsTo } from './outbox.ts';
import type { apiClient } from './runtime.ts';

type Api = ReturnType<typeof apiClient>;

/** The secrets of the confirmation links mailed to `email`, oldest first. */
export async function confirmationSecrets(baseUrl: string, email: string): Promise<string[]> {
  // A mail in both languages carries its link in each: one secret per mail, in the order sent.
  const secrets = (await mailsTo(baseUrl, email))
    .flatMap(linksIn)
    .filter((l) => l.includes('/license-confirmations/'))
    .map((l) => l.split('/').at(-1)!);
  return [...new Set(secrets)];
}

/**
 * POST /licenses, then the confirmation (JSON) from the link it mailed: the answer of the
 * confirmation (200 with the license), or the request's own refusal when it was refused.
 */
export async function requestAndConfirm(
  api: Api,
  baseUrl: string,
  request: { licensee: { email: string } & Record<string, unknown> } & Record<string, unknown>,
) {
  const requested = await api.post('/licenses', request);
  if (requested.status !== 202) return requested;
  const secret = (await confirmationSecrets(baseUrl, request.licensee.email)).at(-1);
  if (!secret) throw new Error(`no confirmation link mailed to ${request.licensee.email}`);
  return api.call('POST', `/license-confirmations/${secret}`, { body: {} });
}
