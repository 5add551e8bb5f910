/**
 * Every HTTP route of the service, once: the local runtime serves these, CDK deploys one
 * function per entry behind the HTTP API (verifying a bearer token where access is neither public nor
 * a workspace page; workspace routes check their session themselves),
 * and the OpenAPI document is generated from them. Adding a route means adding a line here.
 */
import type * as z from '#domain/zod';
import { AgencySchema } from '#domain/agency';
import { AdvisoryGroupSchema } from '#domain/advisory-group';
import { DatasetSchema } from '#domain/dataset';
import { OrganizationSchema } from '#domain/organization';
import { FeeProposalInputSchema } from '#domain/fee-proposal';
import {
  COMMENT_LIMITS,
  CommentInputSchema,
  DispositionSchema,
  ExtensionInputSchema,
} from '#domain/consultation';
import { BallotInputSchema } from '#domain/ballot';
import { FeeLawStepInputSchema } from '#domain/fee-law-steps';
import { OwnLicensesQuerySchema, OwnProposalsQuerySchema } from '#domain/desk-queries';
import { WithdrawalInputSchema } from '#domain/proposal-status';
import { RestartInputSchema } from '#domain/review-restart';
import { SubscriptionRequestSchema } from '#domain/subscription';
import type { Access } from './types.ts';
import {
  LicenseRequestSchema,
  MyLicensesRequestSchema,
  PaymentInputSchema,
  RevokeInputSchema,
} from '#domain/license';

export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** The handler module, relative to the project root; it exports `handler`. */
  entry: string;
  access: Access;
  summary: string;
  tag:
    | 'Registry'
    | 'Fee proposals'
    | 'Consultation'
    | 'Ballots'
    | 'Licenses'
    | 'Pages'
    | 'Workspace'
    | 'Service';
  /** The request body schema, for the OpenAPI document (the handler parses with the same one). */
  body?: z.ZodMiniType;
  /** The query string schema, for the OpenAPI document (the handler parses with the same one). */
  query?: z.ZodMiniObject;
  /** A GET that writes because its protocol is a GET (the OAuth callback stores the session): why. */
  writesOnGet?: string;
  /** Success status and what it returns, for the OpenAPI document. */
  responds?: { status: number; description: string; contentType?: string };
  /**
   * A GET page that also answers HEAD, without a body: a link mailed with a secret, which mail
   * scanners and link previews request before the person does (the page changes nothing on either).
   * API Gateway routes a HEAD only to a HEAD route, so only these have one (route costs a resource).
   */
  answersHead?: true;
}

export type AnsweredMethod = RouteDefinition['method'] | 'HEAD';

/** The methods a route answers: its own, and HEAD for a GET page that says so. */
export function methodsOf(route: RouteDefinition): AnsweredMethod[] {
  return route.answersHead && route.method === 'GET' ? ['GET', 'HEAD'] : [route.method];
}

const h = (name: string) => `functions/http/${name}.ts`;

export const routes: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/openapi.json',
    entry: h('get-openapi'),
    access: 'public',
    summary: 'This API described as OpenAPI 3.1',
    tag: 'Service',
  },

  // Pages for people (HTML, no script); their forms post to the API routes below.
  {
    method: 'GET',
    path: '/',
    entry: h('home-page'),
    access: 'public',
    summary:
      'Home page: consultations open for comment, proposals under review, approved schedules, datasets to license',
    tag: 'Pages',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/archive',
    entry: h('archive-page'),
    access: 'public',
    summary:
      'The proposal archive: search by text, agency and dataset, filter by status and year (?q=&agencyId=&datasetId=&status=&year=), a page at a time (?cursor=)',
    tag: 'Pages',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/feed.atom',
    entry: h('get-feed'),
    access: 'public',
    summary: 'Atom feed of the consultations opened and the decisions published, newest first',
    tag: 'Pages',
    responds: { status: 200, description: 'Atom feed', contentType: 'application/atom+xml' },
  },
  {
    method: 'GET',
    path: '/consultations/{id}',
    entry: h('consultation-page'),
    access: 'public',
    summary:
      'A proposal’s page: fee table, cost basis, comments with dispositions, the comment form while open',
    tag: 'Pages',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/consultations/{id}/report',
    entry: h('consultation-report-page'),
    access: 'public',
    summary: 'The consultation report as a page (PDF linked); before publication, a page saying when',
    tag: 'Pages',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/consultations/{id}/decision',
    entry: h('decision-page'),
    access: 'public',
    summary:
      'The advisory group’s decision as a page (PDF linked); before it, a page saying it is not decided yet',
    tag: 'Pages',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/consultations/{id}/events',
    entry: h('audit-trail-page'),
    access: 'public',
    summary: 'The proposal’s audit trail as a page (GET /fee-proposals/{id}/events linked for machines)',
    tag: 'Pages',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/datasets/{id}/fee-schedules',
    entry: h('fee-schedules-page'),
    access: 'public',
    summary:
      'A dataset’s fee schedules as a page: the one in force with its items, the next one, and every earlier one',
    tag: 'Pages',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/verify',
    entry: h('verify-lookup'),
    access: 'public',
    summary: 'The verify box (?number=…): 303 to that certificate’s verify page',
    tag: 'Pages',
    responds: { status: 303, description: 'Redirect to /certificates/{number}/verify' },
  },
  {
    method: 'GET',
    path: '/licenses/new',
    entry: h('license-request-page'),
    access: 'public',
    summary: 'The license request page of a dataset (?datasetId=…); its form posts to POST /licenses',
    tag: 'Pages',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/licenses/{id}',
    entry: h('license-page'),
    access: 'public',
    summary:
      'A license’s page, where the form ends: the quote while payment is awaited, then the certificate',
    tag: 'Pages',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/my-licenses/new',
    entry: h('my-licenses-form-page'),
    access: 'public',
    summary:
      'The form that mails an address the link to its licenses (no account); ?sent=1 after it: check the mail',
    tag: 'Pages',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/my-licenses/{secret}',
    entry: h('my-licenses-page'),
    access: 'public',
    summary:
      'The licenses of the address the link was mailed to, each with its status and page (expires after a day: 410)',
    tag: 'Pages',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
    answersHead: true,
  },

  // The workspace (workspace-handler.ts): signing in and out, the agency's desks, the operator console.
  // Pages and forms for a signed-in person; their forms post to workspace routes, never to the API's.
  {
    method: 'GET',
    path: '/sign-in',
    entry: h('sign-in'),
    access: 'public',
    summary: 'Starts signing in at the identity provider (?return= a page of this site to come back to)',
    tag: 'Workspace',
    responds: { status: 303, description: 'To the identity provider’s sign-in page' },
  },
  {
    method: 'GET',
    path: '/auth/callback',
    entry: h('auth-callback'),
    access: 'public',
    summary: 'Where the identity provider returns: redeems the code (PKCE), starts the session',
    tag: 'Workspace',
    writesOnGet: 'OAuth returns the browser with a GET; the callback stores the new session.',
    responds: { status: 303, description: 'Signed in: to the page asked for, or the workspace' },
  },
  {
    method: 'POST',
    path: '/sign-out',
    entry: h('sign-out'),
    access: 'workspace',
    summary: 'Ends the session (a form with its CSRF token)',
    tag: 'Workspace',
    responds: { status: 303, description: 'To the signed-out page' },
  },
  {
    method: 'GET',
    path: '/sign-out',
    entry: h('signed-out-page'),
    access: 'public',
    summary: 'The signed-out page, with a link to sign in again',
    tag: 'Workspace',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/agency',
    entry: h('agency-workspace'),
    access: 'workspace-agency',
    summary: 'The agency workspace’s overview',
    tag: 'Workspace',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/operator',
    entry: h('operator-console'),
    access: 'workspace-operator',
    summary: 'The operator console: the agency tree, advisory groups with members and rule, accounts',
    tag: 'Workspace',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/operator/agencies',
    entry: h('register-agency-form'),
    access: 'workspace-operator',
    summary: 'The console’s form that registers an agency (as POST /agencies)',
    tag: 'Workspace',
    responds: { status: 303, description: 'Back to the console; refused: the console with the form' },
  },
  {
    method: 'GET',
    path: '/operator/agencies/{id}',
    entry: h('agency-edit-page'),
    access: 'workspace-operator',
    summary: 'Edit an agency: its names and contact e-mail (its id and parent stay)',
    tag: 'Workspace',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/operator/agencies/{id}',
    entry: h('agency-edit-page'),
    access: 'workspace-operator',
    summary:
      'Save the agency’s names and contact e-mail (the schema of POST /agencies), conditionally on the revision the form was read at',
    tag: 'Workspace',
    responds: { status: 303, description: 'Saved: to the page with a notice; else the form again with why' },
  },
  {
    method: 'POST',
    path: '/operator/advisory-groups',
    entry: h('register-group-form'),
    access: 'workspace-operator',
    summary: 'The console’s form that registers an advisory group (as POST /advisory-groups)',
    tag: 'Workspace',
    responds: { status: 303, description: 'Back to the console; refused: the console with the form' },
  },
  {
    method: 'GET',
    path: '/operator/advisory-groups/{id}',
    entry: h('advisory-group-edit-page'),
    access: 'workspace-operator',
    summary: 'Edit an advisory group: names, members with e-mail and seat, one convener, decision rule',
    tag: 'Workspace',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/operator/advisory-groups/{id}',
    entry: h('advisory-group-edit-page'),
    access: 'workspace-operator',
    summary:
      'Save the group (the schema of POST /advisory-groups), conditionally on the revision the form was read at; or add or remove a member row',
    tag: 'Workspace',
    responds: { status: 303, description: 'Saved: to the page with a notice; else the form again with why' },
  },
  {
    method: 'POST',
    path: '/operator/accounts',
    entry: h('record-account-form'),
    access: 'workspace-operator',
    summary: 'The console’s form that records who may act in the workspace, for which agency',
    tag: 'Workspace',
    responds: { status: 303, description: 'Back to the console; refused: the console with the form' },
  },
  {
    method: 'GET',
    path: '/operator/reviews/{id}',
    entry: h('operator-review-page'),
    access: 'workspace-operator',
    summary: 'One review in the console: where it stands; a stopped one with its cause and restart form',
    tag: 'Workspace',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/operator/reviews/{id}/restart',
    entry: h('restart-review-form'),
    access: 'workspace-operator',
    summary:
      'The console’s confirmed restart of a stopped review, with its reason (as POST /fee-proposals/{id}/review/restart)',
    tag: 'Workspace',
    responds: { status: 303, description: 'To the review’s page; refused: that page with the form' },
  },
  // The agency workspace's proposal editor and consultation desk (workspace-handler.ts).
  {
    method: 'GET',
    path: '/agency/proposals',
    entry: h('agency-proposals-page'),
    access: 'workspace-agency',
    summary: 'The agency’s fee-schedule proposals in every status, and the button for a new one',
    tag: 'Workspace',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/agency/proposals/new',
    entry: h('proposal-editor'),
    access: 'workspace-agency',
    summary: 'The proposal editor for a new proposal',
    tag: 'Workspace',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/agency/proposals/new',
    entry: h('proposal-editor'),
    access: 'workspace-agency',
    summary:
      'The editor’s buttons: add or remove a fee item or cost line (the form again), save (drafts it, 303 to its editor) or save and check',
    tag: 'Workspace',
    responds: {
      status: 303,
      description: 'Saved: to the editor or to check your answers; else the form again',
    },
  },
  {
    method: 'GET',
    path: '/agency/proposals/{id}',
    entry: h('agency-proposal-page'),
    access: 'workspace-agency',
    summary:
      'One of the agency’s proposals: where it stands, the members’ reasons after changes were requested, what to do next',
    tag: 'Workspace',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/agency/proposals/{id}/edit',
    entry: h('proposal-editor'),
    access: 'workspace-agency',
    summary: 'The proposal editor for a draft or a proposal with changes requested',
    tag: 'Workspace',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/agency/proposals/{id}/edit',
    entry: h('proposal-editor'),
    access: 'workspace-agency',
    summary: 'The editor’s buttons for a draft or a revision (as for a new proposal; a save edits it)',
    tag: 'Workspace',
    responds: {
      status: 303,
      description: 'Saved: to the editor or to check your answers; else the form again',
    },
  },
  {
    method: 'GET',
    path: '/agency/proposals/{id}/preview',
    entry: h('proposal-preview'),
    access: 'workspace-agency',
    summary:
      'The proposal on the public proposal page exactly as the public will see it, under a preview banner',
    tag: 'Workspace',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/agency/proposals/{id}/check',
    entry: h('check-proposal-page'),
    access: 'workspace-agency',
    summary:
      'Check your answers: what will be published, each part with a link to change it, and the submit button',
    tag: 'Workspace',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/agency/proposals/{id}/check',
    entry: h('check-proposal-page'),
    access: 'workspace-agency',
    summary:
      'Submit from check your answers (as POST /fee-proposals/{id}/submit), 303 to the proposal’s page',
    tag: 'Workspace',
    responds: { status: 303, description: 'Submitted: to the proposal’s page; else the check page with why' },
  },
  {
    method: 'POST',
    path: '/agency/proposals/{id}/steps',
    entry: h('fee-law-step-form'),
    access: 'workspace-agency',
    summary:
      'The proposal page’s form for the next step of 規費法 §10 after a favourable vote (as POST /fee-proposals/{id}/steps)',
    tag: 'Workspace',
    responds: {
      status: 303,
      description: 'Recorded: to the proposal’s page; else the page with the form and why',
    },
  },
  {
    method: 'GET',
    path: '/agency/proposals/{id}/withdraw',
    entry: h('withdraw-proposal-page'),
    access: 'workspace-agency',
    summary:
      'Withdraw a proposal: what withdrawing ends and the reason for the public trail, while the status allows it',
    tag: 'Workspace',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/agency/proposals/{id}/withdraw',
    entry: h('withdraw-proposal-page'),
    access: 'workspace-agency',
    summary: 'Confirm the withdrawal (as POST /fee-proposals/{id}/withdraw), 303 to the proposal’s page',
    tag: 'Workspace',
    responds: { status: 303, description: 'Withdrawn: to the proposal’s page; else this page with why' },
  },
  {
    method: 'GET',
    path: '/agency/consultations',
    entry: h('consultation-desk'),
    access: 'workspace-agency',
    summary: 'The agency’s proposals in consultation or awaiting its answers, each with “n of m answered”',
    tag: 'Workspace',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/agency/consultations/{id}',
    entry: h('consultation-desk'),
    access: 'workspace-agency',
    summary:
      'The consultation desk: progress, every comment with its item, tier and campaign group, the extension form',
    tag: 'Workspace',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/agency/consultations/{id}/extend',
    entry: h('consultation-desk'),
    access: 'workspace-agency',
    summary: 'Extend the closing date (Taipei date and time) with a reason, as POST …/consultation/extend',
    tag: 'Workspace',
    responds: { status: 303, description: 'Extended: to the desk; else the desk with the form and why' },
  },
  {
    method: 'GET',
    path: '/agency/consultations/{id}/comments/{commentId}',
    entry: h('answer-comment-page'),
    access: 'workspace-agency',
    summary:
      'Answer one comment or its whole campaign group: adopted, partly adopted or not adopted, with the reply',
    tag: 'Workspace',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/agency/consultations/{id}/comments/{commentId}',
    entry: h('answer-comment-page'),
    access: 'workspace-agency',
    summary: 'Save the answer (as PUT …/comments/{commentId}/disposition), 303 to the desk',
    tag: 'Workspace',
    responds: { status: 303, description: 'Answered: to the desk; else the form again with why' },
  },
  // The agency workspace's datasets desk.
  {
    method: 'GET',
    path: '/agency/datasets',
    entry: h('datasets-desk-page'),
    access: 'workspace-agency',
    summary: 'The datasets desk: the agency’s datasets with class and version, each with its edit form',
    tag: 'Workspace',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/agency/datasets/new',
    entry: h('dataset-form-page'),
    access: 'workspace-agency',
    summary:
      'Register a dataset: id, title, version, class, legal reason (not provided), conditions of use (on application), distribution hash',
    tag: 'Workspace',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/agency/datasets/new',
    entry: h('dataset-form-page'),
    access: 'workspace-agency',
    summary: 'Register the dataset as posted (as POST /datasets, for the session’s agency), 303 to the desk',
    tag: 'Workspace',
    responds: { status: 303, description: 'Registered: to the desk; else the form again with why' },
  },
  {
    method: 'GET',
    path: '/agency/datasets/{id}/edit',
    entry: h('dataset-form-page'),
    access: 'workspace-agency',
    summary: 'Edit a dataset of the agency: the form with what is stored, its id fixed',
    tag: 'Workspace',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/agency/datasets/{id}/edit',
    entry: h('dataset-form-page'),
    access: 'workspace-agency',
    summary: 'Save the edit (as PUT /datasets/{id}), 303 to the desk',
    tag: 'Workspace',
    responds: { status: 303, description: 'Saved: to the desk; else the form again with why' },
  },
  // The agency workspace's licenses desk (the JSON API's GET /agency/licenses is the bearer route).
  {
    method: 'GET',
    path: '/agency/licensing',
    entry: h('licensing-desk-page'),
    access: 'workspace-agency',
    summary:
      'The licenses desk: requests awaiting payment confirmation (quote, licensee, date; ?cursor= for earlier ones) and the certificates issued',
    tag: 'Workspace',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/agency/licensing/{id}/payment',
    entry: h('license-payment-page'),
    access: 'workspace-agency',
    summary: 'Confirm a payment: the request, its quote and the form (amount, receipt number, date received)',
    tag: 'Workspace',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/agency/licensing/{id}/payment',
    entry: h('confirm-payment-form'),
    access: 'workspace-agency',
    summary:
      'Confirm the payment (as POST /licenses/{id}/payment: the amount must equal the quote), issuing the certificate; 303 to the desk',
    tag: 'Workspace',
    responds: { status: 303, description: 'Confirmed: to the desk; else the form again with why' },
  },
  {
    method: 'GET',
    path: '/agency/licensing/certificates/{number}/revoke',
    entry: h('revoke-certificate-page'),
    access: 'workspace-agency',
    summary:
      'Revoke a certificate: what is revoked, the reasons allowed for it, a note, and what becomes public',
    tag: 'Workspace',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/agency/licensing/certificates/{number}/revoke',
    entry: h('revoke-certificate-page'),
    access: 'workspace-agency',
    summary: 'Confirm the revocation (as POST /certificates/{number}/revoke), 303 to the desk',
    tag: 'Workspace',
    responds: { status: 303, description: 'Marked: to the desk; else the page again with why' },
  },

  {
    method: 'POST',
    path: '/subscriptions',
    entry: h('subscribe'),
    access: 'public',
    body: SubscriptionRequestSchema,
    summary:
      'Follow every new consultation, one dataset’s (datasetId) or one proposal’s news (proposalId): always 202 {status: CONFIRMATION_MAILED} and a mail with the /subscriptions/{secret} link that starts it (from the form: 303 to /subscriptions/new?sent=1, or the form again with the refusal)',
    tag: 'Consultation',
    responds: { status: 202, description: 'The confirmation link is mailed' },
  },
  {
    method: 'GET',
    path: '/subscriptions/new',
    entry: h('subscribe-form-page'),
    access: 'public',
    summary:
      'The subscription form: every new consultation, or ?datasetId= / ?proposalId=; ?sent=1 after it: check the mail',
    tag: 'Pages',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/subscriptions/{secret}',
    entry: h('subscription-confirmation-page'),
    access: 'public',
    summary: 'Page with the button that confirms a subscription (GET changes nothing; expired 410)',
    tag: 'Pages',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
    answersHead: true,
  },
  {
    method: 'POST',
    path: '/subscriptions/{secret}',
    entry: h('confirm-subscription'),
    access: 'public',
    summary: 'Confirm a subscription: it starts (a page, or JSON {status: ACTIVE})',
    tag: 'Consultation',
    responds: { status: 200, description: 'HTML page or JSON' },
  },
  {
    method: 'GET',
    path: '/unsubscribe/{secret}',
    entry: h('unsubscribe-page'),
    access: 'public',
    summary:
      'Page with the button that ends a subscription, from the link in each of its mails (GET changes nothing)',
    tag: 'Pages',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
    answersHead: true,
  },
  {
    method: 'POST',
    path: '/unsubscribe/{secret}',
    entry: h('unsubscribe'),
    access: 'public',
    summary:
      'End a subscription: the page’s button, or a mail program’s one-click List-Unsubscribe-Post (RFC 8058); ending one ended answers the same',
    tag: 'Consultation',
    responds: { status: 200, description: 'HTML page or JSON' },
  },

  {
    method: 'POST',
    path: '/agencies',
    entry: h('create-agency'),
    access: 'operator',
    body: AgencySchema,
    summary: 'Register an agency',
    tag: 'Registry',
  },
  {
    method: 'GET',
    path: '/agencies',
    entry: h('list-agencies'),
    access: 'public',
    summary: 'List agencies',
    tag: 'Registry',
  },
  {
    method: 'GET',
    path: '/agencies/{id}',
    entry: h('get-agency'),
    access: 'public',
    summary: 'An agency with its datasets',
    tag: 'Registry',
  },
  {
    method: 'POST',
    path: '/organizations',
    entry: h('create-organization'),
    access: 'operator',
    body: OrganizationSchema,
    summary:
      'Register an organisation with its mail domains: a comment naming it is shown under the organisation tier only from a verified address on one of them, otherwise as self-declared',
    tag: 'Registry',
  },
  {
    method: 'GET',
    path: '/organizations',
    entry: h('list-organizations'),
    access: 'operator',
    summary: 'The organisation register with its mail domains',
    tag: 'Registry',
  },
  {
    method: 'POST',
    path: '/advisory-groups',
    entry: h('create-advisory-group'),
    access: 'operator',
    body: AdvisoryGroupSchema,
    summary: 'Register an advisory group and its members',
    tag: 'Registry',
  },
  {
    method: 'GET',
    path: '/advisory-groups/{id}',
    entry: h('get-advisory-group'),
    access: 'agency-or-operator',
    summary: 'An advisory group (members’ e-mails only for operators)',
    tag: 'Registry',
  },
  {
    method: 'POST',
    path: '/datasets',
    entry: h('create-dataset'),
    access: 'agency',
    body: DatasetSchema,
    summary: 'Register a dataset of your agency',
    tag: 'Registry',
  },
  {
    method: 'PUT',
    path: '/datasets/{id}',
    entry: h('edit-dataset'),
    access: 'agency',
    body: DatasetSchema,
    summary:
      'Edit a dataset of your agency (the whole record as for POST /datasets; id and agency stay; a dataset with a fee schedule stays ON_APPLICATION)',
    tag: 'Registry',
  },
  {
    method: 'GET',
    path: '/datasets/{id}',
    entry: h('get-dataset'),
    access: 'public',
    summary:
      'A dataset with its license and fee schedules (in force, next, history; a page for browsers); DCAT JSON-LD with Accept: application/ld+json or ?format=jsonld; data.gov.tw metadata fields (授權方式, 計費方式, 計費說明網址, 計費法令依據, 收費基準) with ?format=data.gov.tw',
    tag: 'Registry',
  },

  {
    method: 'POST',
    path: '/fee-proposals',
    entry: h('create-fee-proposal'),
    access: 'agency',
    body: FeeProposalInputSchema,
    summary: 'Draft a fee-schedule proposal',
    tag: 'Fee proposals',
  },
  {
    method: 'GET',
    path: '/fee-proposals',
    entry: h('list-fee-proposals'),
    access: 'public',
    summary: 'List submitted proposals by status (optionally of one agency); open consultations by default',
    tag: 'Fee proposals',
  },
  {
    method: 'GET',
    path: '/agency/fee-proposals',
    entry: h('list-own-fee-proposals'),
    access: 'agency',
    query: OwnProposalsQuerySchema,
    summary:
      'Your agency’s proposals, drafts included: every status (grouped by status, newest first in each), or the one ?status= names',
    tag: 'Fee proposals',
  },
  {
    method: 'POST',
    path: '/fee-proposals/{id}/withdraw',
    entry: h('withdraw-fee-proposal'),
    access: 'agency',
    body: WithdrawalInputSchema,
    summary:
      'Withdraw a submitted proposal while its status allows it (in consultation, awaiting responses, under review, changes requested) → WITHDRAWN; its review ends. Already withdrawn: answered as it stands',
    tag: 'Fee proposals',
    responds: { status: 200, description: 'Withdrawn' },
  },
  {
    method: 'POST',
    path: '/fee-proposals/{id}/review/restart',
    entry: h('restart-review'),
    access: 'operator',
    body: RestartInputSchema,
    summary:
      'Restart a stopped review (its trail records REVIEW_STOPPED) after its last completed phase, in a new execution named with the next attempt number; recorded on the trail as REVIEW_RESTARTED with the reason. 409 REVIEW_NOT_STOPPED while the review runs, REVIEW_NOT_IN_PROGRESS when the proposal is not in review',
    tag: 'Fee proposals',
    responds: { status: 202, description: 'Restarted: {proposalId, attempt, execution, from}' },
  },
  {
    method: 'GET',
    path: '/fee-proposals/{id}',
    entry: h('get-fee-proposal'),
    access: 'public',
    summary: 'A proposal (drafts only for the owning agency)',
    tag: 'Fee proposals',
  },
  {
    method: 'POST',
    path: '/fee-proposals/{id}/submit',
    entry: h('submit-fee-proposal'),
    access: 'agency',
    summary: 'Submit for public consultation (starts the review workflow)',
    tag: 'Fee proposals',
    responds: { status: 202, description: 'In consultation' },
  },
  {
    method: 'GET',
    path: '/fee-proposals/{id}/events',
    entry: h('list-proposal-events'),
    access: 'public',
    summary: 'The audit trail of a submitted proposal',
    tag: 'Fee proposals',
  },
  {
    method: 'POST',
    path: '/fee-proposals/{id}/comments',
    entry: h('post-comment'),
    access: 'public',
    body: CommentInputSchema,
    summary: `Comment on a proposal in consultation (anyone; an e-mail gets a confirmation link). A comment holds at most ${COMMENT_LIMITS.bodyChars} characters in ${COMMENT_LIMITS.bodyLines} lines; one consultation round takes at most ${COMMENT_LIMITS.perRound} comments (then 422 COMMENT_CAP_REACHED)`,
    tag: 'Consultation',
  },
  {
    method: 'GET',
    path: '/fee-proposals/{id}/comments',
    entry: h('list-comments'),
    access: 'public',
    summary:
      'Comments with identity tier and the agency’s disposition, oldest first, one page at a time: ?limit= (1–200, default 50), ?cursor= as the previous page returned it (absent on the last page)',
    tag: 'Consultation',
  },
  {
    method: 'PUT',
    path: '/fee-proposals/{id}/comments/{commentId}/disposition',
    entry: h('answer-comment'),
    access: 'agency',
    body: DispositionSchema,
    summary: 'Answer a comment: adopted, partly adopted or not adopted, with a reason',
    tag: 'Consultation',
  },
  {
    method: 'POST',
    path: '/fee-proposals/{id}/consultation/extend',
    entry: h('extend-consultation'),
    access: 'agency',
    body: ExtensionInputSchema,
    summary: 'Extend an open consultation (announced publicly)',
    tag: 'Consultation',
    responds: { status: 200, description: 'Extended' },
  },
  {
    method: 'POST',
    path: '/fee-proposals/{id}/steps',
    entry: h('record-fee-law-step'),
    access: 'agency',
    body: FeeLawStepInputSchema,
    summary:
      'After a favourable vote, record a step of 規費法 §10 in order: FEE_AUTHORITY_CONSENT, COUNCIL_FILING, ANNOUNCEMENT (→ ANNOUNCED, then EFFECTIVE on effectiveFrom)',
    tag: 'Fee proposals',
    responds: { status: 200, description: 'Recorded' },
  },
  {
    method: 'GET',
    path: '/fee-proposals/{id}/consultation-report',
    entry: h('get-consultation-report'),
    access: 'public',
    summary: 'The consultation report: JSON, or the PDF with Accept: application/pdf or ?format=pdf',
    tag: 'Consultation',
  },
  {
    method: 'GET',
    path: '/comment-verifications/{secret}',
    entry: h('comment-verification-page'),
    access: 'public',
    summary: 'Page with a button that confirms a commenter’s e-mail (GET changes nothing)',
    tag: 'Consultation',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
    answersHead: true,
  },
  {
    method: 'POST',
    path: '/comment-verifications/{secret}',
    entry: h('confirm-comment-email'),
    access: 'public',
    summary: 'Confirm a commenter’s e-mail',
    tag: 'Consultation',
    responds: { status: 200, description: 'HTML page or JSON' },
  },
  {
    method: 'GET',
    path: '/fee-proposals/{id}/decision',
    entry: h('get-decision'),
    access: 'public',
    summary: 'The decision, its tally and each member’s position by name (PDF with ?format=pdf)',
    tag: 'Ballots',
  },
  {
    method: 'GET',
    path: '/ballots/{secret}',
    entry: h('ballot-page'),
    access: 'public',
    summary: 'A member’s ballot page from the mail link (changes nothing, nor does HEAD)',
    tag: 'Ballots',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
    answersHead: true,
  },
  {
    method: 'POST',
    path: '/ballots/{secret}',
    entry: h('cast-ballot'),
    access: 'public',
    body: BallotInputSchema,
    summary: 'Record the member’s vote (form or JSON); a second POST answers 410',
    tag: 'Ballots',
    responds: { status: 200, description: 'The recorded vote (page or JSON)' },
  },
  {
    method: 'PUT',
    path: '/fee-proposals/{id}',
    entry: h('update-fee-proposal'),
    access: 'agency',
    body: FeeProposalInputSchema,
    summary: 'Edit a draft or a proposal with changes requested',
    tag: 'Fee proposals',
  },

  {
    method: 'POST',
    path: '/licenses',
    entry: h('request-license'),
    access: 'public',
    body: LicenseRequestSchema,
    summary:
      'Ask for a license: always 202 {id, status: AWAITING_EMAIL_CONFIRMATION} and a mail to the licensee with a /license-confirmations/{secret} link (the same answer whether or not the address holds a license); NOT_PROVIDED → 422',
    tag: 'Licenses',
    responds: { status: 202, description: 'Awaiting the confirmation of the e-mail address' },
  },
  {
    method: 'POST',
    path: '/my-licenses',
    entry: h('request-my-licenses'),
    access: 'public',
    body: MyLicensesRequestSchema,
    summary:
      'Mail an address the link to its licenses: always 202 {status: LINK_MAILED}, whether or not it holds any (from the form: 303 to /my-licenses/new?sent=1, or the form again with the refusal)',
    tag: 'Licenses',
    responds: { status: 202, description: 'The link is mailed' },
  },
  {
    method: 'GET',
    path: '/license-confirmations/{secret}',
    entry: h('license-confirmation-page'),
    access: 'public',
    summary: 'Page showing what a license request would issue, with a Confirm button (GET changes nothing)',
    tag: 'Licenses',
    responds: { status: 200, description: 'HTML page', contentType: 'text/html' },
    answersHead: true,
  },
  {
    method: 'POST',
    path: '/license-confirmations/{secret}',
    entry: h('confirm-license'),
    access: 'public',
    summary:
      'Confirm a license request: OPEN data → ISSUED with the certificate; on application → AWAITING_PAYMENT with the quote (303 to the license page from the form)',
    tag: 'Licenses',
    responds: { status: 200, description: 'JSON, or 303 to the license page' },
  },
  {
    method: 'POST',
    path: '/licenses/{id}/payment',
    entry: h('confirm-license-payment'),
    access: 'agency',
    body: PaymentInputSchema,
    summary: 'Confirm the quoted payment for a license (the providing agency); issues the certificate',
    tag: 'Licenses',
    responds: { status: 200, description: 'Issued' },
  },
  {
    method: 'GET',
    path: '/agency/licenses',
    entry: h('list-own-licenses'),
    access: 'agency',
    query: OwnLicensesQuerySchema,
    summary:
      'License requests for your agency’s datasets in one status (?status=, AWAITING_PAYMENT by default), newest first, with licensee and quote',
    tag: 'Licenses',
  },
  {
    method: 'GET',
    path: '/certificates/{number}',
    entry: h('get-certificate'),
    access: 'public',
    summary: 'The certificate PDF as issued',
    tag: 'Licenses',
    responds: { status: 200, description: 'PDF', contentType: 'application/pdf' },
  },
  {
    method: 'GET',
    path: '/certificates/{number}/verify',
    entry: h('verify-certificate'),
    access: 'public',
    summary:
      'Verify a certificate: status, record, signature check; ?sha256= checks a copy (HTML with Accept: text/html)',
    tag: 'Licenses',
  },
  {
    method: 'POST',
    path: '/certificates/{number}/revoke',
    entry: h('revoke-certificate'),
    access: 'agency',
    body: RevokeInputSchema,
    summary:
      'Mark a certificate revoked, superseded or for a withdrawn dataset (the providing agency); never deleted',
    tag: 'Licenses',
    responds: { status: 200, description: 'Marked' },
  },
  {
    method: 'GET',
    path: '/.well-known/jwks.json',
    entry: h('get-jwks'),
    access: 'public',
    summary: 'The public keys that verify certificate signatures',
    tag: 'Licenses',
  },
];

/** `POST /fee-proposals/{id}` → a matcher; parameters are single path segments. */
export function compilePath(path: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const pattern = path
    .replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '{' || c === '}' ? c : `\\${c}`))
    .replace(/\{(\w+)\}/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
  return { regex: new RegExp(`^${pattern}$`), names };
}
