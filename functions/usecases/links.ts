/** The public URLs the service puts in mails and responses, from one base URL. */
import { optionalEnv } from '#ports/config';

export function publicBaseUrl(): string {
  return (optionalEnv('PUBLIC_BASE_URL') ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
}

const enc = encodeURIComponent;

export const links = {
  proposal: (id: string) => `${publicBaseUrl()}/fee-proposals/${enc(id)}`,
  comments: (id: string) => `${publicBaseUrl()}/fee-proposals/${enc(id)}/comments`,
  report: (id: string) => `${publicBaseUrl()}/fee-proposals/${enc(id)}/consultation-report`,
  reportPdf: (id: string) => `${publicBaseUrl()}/fee-proposals/${enc(id)}/consultation-report?format=pdf`,
  commentVerification: (secret: string) => `${publicBaseUrl()}/comment-verifications/${enc(secret)}`,
  licenseConfirmation: (secret: string) => `${publicBaseUrl()}/license-confirmations/${enc(secret)}`,
  ballot: (secret: string) => `${publicBaseUrl()}/ballots/${enc(secret)}`,
  decision: (id: string) => `${publicBaseUrl()}/fee-proposals/${enc(id)}/decision`,
};
