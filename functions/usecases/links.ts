/**
 * The absolute URLs the service puts in mails and responses, from one base URL. Every one a person
 * follows is a page (the PDFs are linked from those pages and beside them).
 */
import { optionalEnv } from '#ports/config';
import { pagePaths } from './page-paths.ts';

export function publicBaseUrl(): string {
  return (optionalEnv('PUBLIC_BASE_URL') ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
}

const enc = encodeURIComponent;
const absolute = (path: string) => `${publicBaseUrl()}${path}`;

export const links = {
  /** The proposal's public page. */
  proposal: (id: string) => absolute(pagePaths.consultation(id)),
  /** The comment form on the proposal's page. */
  commentForm: (id: string) => absolute(pagePaths.commentForm(id)),
  /** One comment with its answer, on the proposal's page. */
  comment: (id: string, commentId: string) => absolute(pagePaths.comment(id, commentId)),
  report: (id: string) => absolute(pagePaths.report(id)),
  reportPdf: (id: string) => absolute(pagePaths.reportPdf(id)),
  commentVerification: (secret: string) => `${publicBaseUrl()}/comment-verifications/${enc(secret)}`,
  licenseConfirmation: (secret: string) => `${publicBaseUrl()}/license-confirmations/${enc(secret)}`,
  ballot: (secret: string) => `${publicBaseUrl()}/ballots/${enc(secret)}`,
  decision: (id: string) => absolute(pagePaths.decision(id)),
  decisionPdf: (id: string) => absolute(pagePaths.decisionPdf(id)),
  /** A license request's page: its quote while payment is awaited, then the certificate. */
  license: (id: string) => absolute(pagePaths.license(id)),
  /** The licenses of the address it was mailed to. */
  myLicenses: (secret: string) => absolute(pagePaths.myLicenses(secret)),
  subscriptionConfirmation: (secret: string) => absolute(pagePaths.subscriptionConfirmation(secret)),
  unsubscribe: (secret: string) => absolute(pagePaths.unsubscribe(secret)),
};
