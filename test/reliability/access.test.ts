// Every route of routes.ts, called by every kind of caller: only the combinations the route's
// access and the ownership rules allow succeed, and a refused call changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#http/routes';
import type { RouteDefinition } from '#http/routes';
import type { Access, WorkspaceAccess } from '#http/types';
import { isWorkspaceAccess } from '#http/types';
import { signInAs } from '../support/workspace.ts';
import type { SeededPerson } from '../support/workspace.ts';
import { licenseRepository } from '#ports/license-repository';
import { advisoryGroupRepository, agencyRepository } from '#ports/registry-repository';
import { groupValues } from '#http/group-edit-form';
import { agencyValues } from '#http/agency-edit-form';
import { proposalRepository } from '#ports/proposal-repository';
import { FEE_LAW_STEPS } from '#domain/fee-law-steps';
import { SEED } from '#local/seed';
import { taipeiInputs } from '#templates/taipei-time';
import { validProposal } from '../support/fixtures.ts';
import { stopReview } from '../support/stopped-review.ts';
import { confirmationSecrets, myLicensesSecrets } from '../support/licenses.ts';
import { linkSecrets } from '../support/outbox.ts';
import { attempt } from './support/tally.ts';
import { CALLERS, OTHER_AGENCY, startWorld } from './support/world.ts';
import type { Caller, World } from './support/world.ts';

/** `sign-in`: a workspace route without a session (GET → 303 to /sign-in, a form post → a 401 page). */
type Outcome = 'ok' | 401 | 403 | 404 | 'sign-in';

const noSession = {
  none: 'sign-in',
  expired: 'sign-in',
  forged: 'sign-in',
  public: 'sign-in',
  other: 'sign-in',
  operator: 'sign-in',
  owner: 'sign-in',
} as const;

/**
 * What each caller gets, by the route's access. A token is not even looked at on a public route
 * (bearerHandler verifies one only where the route takes it); a verified account in no group is refused every protected route; an
 * operator maintains the registry only; an agency acts only on its own agency's things.
 */
const EXPECTED: Record<Access, Record<Caller, Outcome>> = {
  public: { none: 'ok', expired: 'ok', forged: 'ok', public: 'ok', other: 'ok', operator: 'ok', owner: 'ok' },
  operator: { none: 401, expired: 401, forged: 401, public: 403, other: 403, operator: 'ok', owner: 403 },
  'agency-or-operator': {
    none: 401,
    expired: 401,
    forged: 401,
    public: 403,
    other: 'ok',
    operator: 'ok',
    owner: 'ok',
  },
  agency: { none: 401, expired: 401, forged: 401, public: 403, other: 403, operator: 403, owner: 'ok' },
  // A workspace route never looks at a bearer token: only a session opens it (see 'the workspace' below).
  'workspace-agency': noSession,
  'workspace-operator': noSession,
  workspace: noSession,
};

/** Who a signed-in seeded person is, for the workspace routes' access. */
const SESSION_EXPECTED: Record<WorkspaceAccess, Record<SeededPerson, 'ok' | 403>> = {
  'workspace-agency': { 'nlsc-clerk': 'ok', 'moi-clerk': 'ok', operator: 403 },
  'workspace-operator': { 'nlsc-clerk': 403, 'moi-clerk': 403, operator: 'ok' },
  workspace: { 'nlsc-clerk': 'ok', 'moi-clerk': 'ok', operator: 'ok' },
};

interface Call {
  path: string;
  body?: unknown;
}

interface Recipe {
  /** The request a caller makes; called once per caller, so each success can have its own fixture. */
  request(caller: Caller, index: number): Promise<Call> | Call;
  /** Where a route acts on the caller's own agency (not on the owner's), the other agency succeeds too. */
  ownScope?: true;
}

let w: World;
const fixture: Record<string, string> = {};
let uniq = 0;
const fresh = (prefix: string) => `${prefix}-${++uniq}`;
/** One per call of the operator's group recipe: every bearer caller, then every signed-in person. */
const GROUP_AGENCIES = 10;
const groupAgencies: string[] = [];

/** A dataset of the owner's agency that the edit route rewrites (with a new version each time). */
const EDITED_DATASET = {
  id: 'rel-edited-dataset',
  agencyId: SEED.subordinate,
  title: { zh: '可編輯的資料集', en: 'A dataset to edit' },
  version: '1',
  classification: 'OPEN',
  releaseYear: 2026,
};

/** How to call each route so that an admitted caller succeeds. */
const recipes: Record<string, Recipe> = {
  'GET /openapi.json': { request: () => ({ path: '/openapi.json' }) },
  'GET /': { request: () => ({ path: '/' }) },
  'GET /archive': { request: () => ({ path: '/archive?status=UNDER_REVIEW&q=fee' }) },
  'GET /feed.atom': { request: () => ({ path: '/feed.atom' }) },
  'GET /verify': { request: () => ({ path: `/verify?number=${fixture.certificate}` }) },
  'GET /datasets/{id}/fee-schedules': {
    request: () => ({ path: `/datasets/${SEED.datasets.onApplication}/fee-schedules` }),
  },
  'GET /consultations/{id}': { request: () => ({ path: `/consultations/${fixture.vote1}` }) },
  'GET /consultations/{id}/report': {
    request: () => ({ path: `/consultations/${fixture.decided}/report` }),
  },
  'GET /consultations/{id}/decision': {
    request: () => ({ path: `/consultations/${fixture.decided}/decision` }),
  },
  'GET /consultations/{id}/events': {
    request: () => ({ path: `/consultations/${fixture.decided}/events` }),
  },
  'GET /licenses/new': { request: () => ({ path: `/licenses/new?datasetId=${SEED.datasets.open}` }) },
  'GET /licenses/{id}': { request: () => ({ path: `/licenses/${fixture.licenseToPay}` }) },
  'GET /my-licenses/new': { request: () => ({ path: '/my-licenses/new' }) },
  'GET /my-licenses/{secret}': { request: () => ({ path: `/my-licenses/${fixture.myLicenses}` }) },
  'POST /agencies': {
    request: () => ({
      path: '/agencies',
      body: { id: fresh('rel-agency'), name: { zh: '機關', en: 'Agency' } },
    }),
  },
  'GET /agencies': { request: () => ({ path: '/agencies' }) },
  'GET /agencies/{id}': { request: () => ({ path: `/agencies/${SEED.subordinate}` }) },
  'POST /organizations': {
    request: () => ({
      path: '/organizations',
      body: {
        id: fresh('rel-org'),
        name: { zh: '測試協會', en: 'Test Association' },
        mailDomains: ['association.example.tw'],
      },
    }),
  },
  'GET /organizations': { request: () => ({ path: '/organizations' }) },
  'POST /advisory-groups': {
    request: () => ({
      path: '/advisory-groups',
      body: {
        id: fresh('rel-group'),
        agencyId: OTHER_AGENCY,
        name: { zh: '諮詢小組', en: 'Advisory group' },
        members: [{ id: 'chair', name: '王主席', email: 'chair@advisory.example.tw', seat: 'CONVENER' }],
      },
    }),
  },
  'GET /advisory-groups/{id}': { request: () => ({ path: `/advisory-groups/${SEED.group}` }) },
  'POST /datasets': {
    request: () => ({
      path: '/datasets',
      body: {
        id: fresh('rel-dataset'),
        agencyId: SEED.subordinate,
        title: { zh: '資料集', en: 'Dataset' },
        version: '1',
        classification: 'ON_APPLICATION',
        conditionsOfUse: {
          title: { zh: '利用條件', en: 'Conditions of use' },
          version: '1',
          url: 'https://www.nlsc.gov.tw/conditions',
        },
      },
    }),
  },
  'GET /datasets/{id}': { request: () => ({ path: `/datasets/${SEED.datasets.open}` }) },
  'PUT /datasets/{id}': {
    request: () => ({
      path: `/datasets/${EDITED_DATASET.id}`,
      body: { ...EDITED_DATASET, version: fresh('v') },
    }),
  },
  'POST /fee-proposals': {
    request: () => ({ path: '/fee-proposals', body: validProposal({ effectiveFrom: '2031-01-01' }) }),
  },
  'GET /fee-proposals': { request: () => ({ path: '/fee-proposals?status=UNDER_REVIEW' }) },
  'GET /agency/fee-proposals': { request: () => ({ path: '/agency/fee-proposals' }), ownScope: true },
  'GET /agency/licenses': { request: () => ({ path: '/agency/licenses' }), ownScope: true },
  'POST /fee-proposals/{id}/withdraw': {
    request: () => ({ path: `/fee-proposals/${fixture.toWithdraw}/withdraw`, body: { reason: '撤回。' } }),
  },
  'POST /fee-proposals/{id}/review/restart': {
    request: () => ({
      path: `/fee-proposals/${fixture.stoppedReview}/review/restart`,
      body: { reason: '原因已排除。' },
    }),
  },
  'GET /fee-proposals/{id}': { request: () => ({ path: `/fee-proposals/${fixture.vote1}` }) },
  'POST /fee-proposals/{id}/submit': {
    request: () => ({ path: `/fee-proposals/${fixture.draftToSubmit}/submit`, body: {} }),
  },
  'GET /fee-proposals/{id}/events': { request: () => ({ path: `/fee-proposals/${fixture.vote1}/events` }) },
  'POST /fee-proposals/{id}/comments': {
    request: (caller) => ({
      path: `/fee-proposals/${fixture.consult}/comments`,
      body: { body: `${caller} 的意見` },
    }),
  },
  'GET /fee-proposals/{id}/comments': {
    request: () => ({ path: `/fee-proposals/${fixture.awaiting}/comments` }),
  },
  'PUT /fee-proposals/{id}/comments/{commentId}/disposition': {
    request: () => ({
      path: `/fee-proposals/${fixture.awaiting}/comments/${fixture.awaitingComment}/disposition`,
      body: { disposition: 'ADOPTED', reply: '採納。' },
    }),
  },
  'POST /fee-proposals/{id}/consultation/extend': {
    request: () => ({
      path: `/fee-proposals/${fixture.consult}/consultation/extend`,
      body: { closesAt: fixture.consultExtendTo, reason: '延長以利更多意見。' },
    }),
  },
  'POST /fee-proposals/{id}/steps': {
    request: () => ({
      path: `/fee-proposals/${fixture.decided}/steps`,
      body: {
        step: 'FEE_AUTHORITY_CONSENT',
        // Today in Taiwan: on or after the vote's result, not in the future.
        date: new Date(w.runtime.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
        reference: '財政部台財稅字第 11400000010 號',
      },
    }),
  },
  'GET /fee-proposals/{id}/consultation-report': {
    request: () => ({ path: `/fee-proposals/${fixture.decided}/consultation-report` }),
  },
  'GET /comment-verifications/{secret}': {
    request: () => ({ path: `/comment-verifications/${fixture.verification0}` }),
  },
  'POST /comment-verifications/{secret}': {
    request: (_caller, i) => ({ path: `/comment-verifications/${fixture[`verification${i}`]}`, body: {} }),
  },
  'GET /fee-proposals/{id}/decision': {
    request: () => ({ path: `/fee-proposals/${fixture.decided}/decision` }),
  },
  'GET /ballots/{secret}': { request: () => ({ path: `/ballots/${fixture.ballot0}` }) },
  'POST /ballots/{secret}': {
    // Approve and reject in turn, so that no tally becomes final before every caller has voted.
    request: (_caller, i) => ({
      path: `/ballots/${fixture[`ballot${i}`]}`,
      body: i % 4 < 2 ? { decision: 'APPROVE', reason: '' } : { decision: 'REJECT', reason: '費用偏高。' },
    }),
  },
  'PUT /fee-proposals/{id}': {
    request: () => ({
      path: `/fee-proposals/${fixture.draftToEdit}`,
      body: validProposal({ effectiveFrom: '2031-01-01' }),
    }),
  },
  'POST /licenses': {
    request: (caller) => ({
      path: '/licenses',
      body: {
        datasetId: SEED.datasets.open,
        licensee: { name: '林小華', email: `${caller}@licensee.example.tw` },
        purpose: 'ACADEMIC',
      },
    }),
  },
  'POST /my-licenses': {
    request: (caller) => ({ path: '/my-licenses', body: { email: `${caller}@licensee.example.tw` } }),
  },
  'GET /license-confirmations/{secret}': {
    request: () => ({ path: `/license-confirmations/${fixture.confirmationToShow}` }),
  },
  'POST /license-confirmations/{secret}': {
    // A confirmed link confirmed again answers what the first confirmation issued.
    request: () => ({ path: `/license-confirmations/${fixture.confirmationToUse}`, body: {} }),
  },
  'POST /subscriptions': {
    request: (caller) => ({ path: '/subscriptions', body: { email: `${caller}@subscriber.example.tw` } }),
  },
  'GET /subscriptions/new': {
    request: () => ({ path: `/subscriptions/new?datasetId=${SEED.datasets.open}` }),
  },
  'GET /subscriptions/{secret}': {
    request: () => ({ path: `/subscriptions/${fixture.subscriptionToShow}` }),
  },
  'POST /subscriptions/{secret}': {
    // A subscription confirmed again answers that it was confirmed already.
    request: () => ({ path: `/subscriptions/${fixture.subscriptionToUse}`, body: {} }),
  },
  'GET /unsubscribe/{secret}': { request: () => ({ path: `/unsubscribe/${fixture.unsubscribe}` }) },
  'POST /unsubscribe/{secret}': {
    // Ending a subscription already ended answers the same.
    request: () => ({ path: `/unsubscribe/${fixture.unsubscribe}`, body: {} }),
  },
  'POST /licenses/{id}/payment': {
    request: () => ({
      path: `/licenses/${fixture.licenseToPay}/payment`,
      body: { amountTwd: 0, reference: 'PAY-ACCESS' },
    }),
  },
  'GET /certificates/{number}': {
    request: () => ({ path: `/certificates/${fixture.certificate}?token=${fixture.certificateToken}` }),
  },
  'GET /certificates/{number}/verify': {
    request: () => ({ path: `/certificates/${fixture.certificate}/verify` }),
  },
  'POST /certificates/{number}/revoke': {
    request: () => ({
      path: `/certificates/${fixture.certificate}/revoke`,
      body: { reason: 'ISSUED_IN_ERROR', note: '誤發。' },
    }),
  },
  'GET /.well-known/jwks.json': { request: () => ({ path: '/.well-known/jwks.json' }) },
  'GET /sign-in': { request: () => ({ path: '/sign-in?return=/agency' }) },
  'GET /auth/callback': {
    // Without its sign-in attempt the callback answers its page (400): what a success needs is a
    // real round trip through the provider, which 'the workspace' below makes for each person.
    request: () => ({ path: '/auth/callback?code=x&state=y' }),
  },
  'GET /sign-out': { request: () => ({ path: '/sign-out' }) },
  'POST /sign-out': { request: () => ({ path: '/sign-out', body: {} }) },
  'GET /agency': { request: () => ({ path: '/agency' }) },
  'GET /agency/proposals': { request: () => ({ path: '/agency/proposals' }) },
  'GET /agency/proposals/new': { request: () => ({ path: '/agency/proposals/new' }) },
  // A row added: the form again, nothing stored.
  'POST /agency/proposals/new': {
    request: () => ({ path: '/agency/proposals/new', body: { action: 'add-item' } }),
  },
  'GET /agency/proposals/{id}': { request: () => ({ path: `/agency/proposals/${fixture.draftToEdit}` }) },
  'GET /agency/proposals/{id}/edit': {
    request: () => ({ path: `/agency/proposals/${fixture.draftToEdit}/edit` }),
  },
  'POST /agency/proposals/{id}/edit': {
    request: () => ({ path: `/agency/proposals/${fixture.draftToEdit}/edit`, body: { action: 'add-item' } }),
  },
  'GET /agency/proposals/{id}/preview': {
    request: () => ({ path: `/agency/proposals/${fixture.draftToEdit}/preview` }),
  },
  'GET /agency/proposals/{id}/check': {
    request: () => ({ path: `/agency/proposals/${fixture.draftToEdit}/check` }),
  },
  'POST /agency/proposals/{id}/check': {
    request: () => ({ path: `/agency/proposals/${fixture.draftToSubmitFromPage}/check`, body: {} }),
  },
  // The next step of §10 on the approved proposal, whichever the API's recipe left next.
  'POST /agency/proposals/{id}/steps': {
    request: async () => {
      const done = (await proposalRepository.get(fixture.decided!))!.value.feeLawSteps?.length ?? 0;
      const step = FEE_LAW_STEPS[done] ?? 'ANNOUNCEMENT';
      return {
        path: `/agency/proposals/${fixture.decided}/steps`,
        body: {
          step,
          date: new Date(w.runtime.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
          reference: `府授字第 ${done + 1} 號`,
          ...(step === 'ANNOUNCEMENT' ? { url: 'https://www.nlsc.gov.tw/notices/1' } : {}),
        },
      };
    },
  },
  'GET /agency/proposals/{id}/withdraw': {
    request: () => ({ path: `/agency/proposals/${fixture.toWithdrawFromDesk}/withdraw` }),
  },
  'POST /agency/proposals/{id}/withdraw': {
    request: () => ({
      path: `/agency/proposals/${fixture.toWithdrawFromDesk}/withdraw`,
      body: { reason: '併入新案重新提出。' },
    }),
  },
  'GET /agency/consultations': { request: () => ({ path: '/agency/consultations' }) },
  'GET /agency/consultations/{id}': { request: () => ({ path: `/agency/consultations/${fixture.consult}` }) },
  'POST /agency/consultations/{id}/extend': {
    request: () => {
      // A day past the extension the API's recipe makes, as the form's Taipei date and time.
      const { date, time } = taipeiInputs(
        new Date(Date.parse(fixture.consultExtendTo!) + 86_400_000).toISOString(),
      );
      return {
        path: `/agency/consultations/${fixture.consult}/extend`,
        body: { closesDate: date, closesTime: time, reason: '應各界要求延長。' },
      };
    },
  },
  'GET /agency/consultations/{id}/comments/{commentId}': {
    request: () => ({ path: `/agency/consultations/${fixture.consult}/comments/${fixture.consultComment}` }),
  },
  'POST /agency/consultations/{id}/comments/{commentId}': {
    request: () => ({
      path: `/agency/consultations/${fixture.consult}/comments/${fixture.consultComment}`,
      body: { disposition: 'NOT_ADOPTED', reply: '依成本計算。' },
    }),
  },
  'GET /agency/datasets': { request: () => ({ path: '/agency/datasets' }) },
  'GET /agency/datasets/new': { request: () => ({ path: '/agency/datasets/new' }) },
  // For the session's own agency: each clerk registers one of theirs.
  'POST /agency/datasets/new': {
    request: () => ({
      path: '/agency/datasets/new',
      body: {
        id: fresh('rel-desk-dataset'),
        'title.zh': '資料集',
        'title.en': 'Dataset',
        version: '1',
        classification: 'OPEN',
        releaseYear: '2026',
      },
    }),
  },
  'GET /agency/datasets/{id}/edit': {
    request: () => ({ path: `/agency/datasets/${EDITED_DATASET.id}/edit` }),
  },
  'POST /agency/datasets/{id}/edit': {
    request: () => ({
      path: `/agency/datasets/${EDITED_DATASET.id}/edit`,
      body: {
        'title.zh': EDITED_DATASET.title.zh,
        'title.en': EDITED_DATASET.title.en,
        version: fresh('v'),
        classification: EDITED_DATASET.classification,
        releaseYear: String(EDITED_DATASET.releaseYear),
      },
    }),
  },
  'GET /agency/licensing': { request: () => ({ path: '/agency/licensing' }) },
  'GET /agency/licensing/{id}/payment': {
    request: () => ({ path: `/agency/licensing/${fixture.licenseToPayFromDesk}/payment` }),
  },
  'POST /agency/licensing/{id}/payment': {
    request: () => ({
      path: `/agency/licensing/${fixture.licenseToPayFromDesk}/payment`,
      body: { amountTwd: fixture.licenseToPayFromDeskTotal, reference: 'PAY-DESK' },
    }),
  },
  'GET /agency/licensing/certificates/{number}/revoke': {
    request: () => ({ path: `/agency/licensing/certificates/${fixture.certificateToRevokeFromDesk}/revoke` }),
  },
  'POST /agency/licensing/certificates/{number}/revoke': {
    request: () => ({
      path: `/agency/licensing/certificates/${fixture.certificateToRevokeFromDesk}/revoke`,
      body: { reason: 'ISSUED_IN_ERROR', note: '誤發。' },
    }),
  },
  'GET /operator': { request: () => ({ path: '/operator' }) },
  'GET /operator/reviews/{id}': {
    request: () => ({ path: `/operator/reviews/${fixture.consoleStoppedReview}` }),
  },
  'POST /operator/reviews/{id}/restart': {
    request: () => ({
      path: `/operator/reviews/${fixture.consoleStoppedReview}/restart`,
      body: { reason: '原因已排除。' },
    }),
  },
  'POST /operator/agencies': {
    request: () => ({
      path: '/operator/agencies',
      body: { id: fresh('rel-console-agency'), 'name.zh': '機關', 'name.en': 'Agency' },
    }),
  },
  'GET /operator/agencies/{id}': {
    request: () => ({ path: `/operator/agencies/${SEED.subordinate}` }),
  },
  // The seeded agency saved as it is, at the revision it holds now (each save makes a new one).
  'POST /operator/agencies/{id}': {
    async request() {
      const found = await agencyRepository.getVersioned(SEED.subordinate);
      if (!found) throw new Error('The seeded agency is missing.');
      return {
        path: `/operator/agencies/${SEED.subordinate}`,
        body: agencyValues(found.value, found.revision),
      };
    },
  },
  'POST /operator/advisory-groups': {
    request() {
      // A second-level agency of its own (each convenes at most one group), registered before the
      // matrix first looks at what is stored, so that only the group post itself could leave a trace.
      const agency = groupAgencies.shift();
      if (!agency) throw new Error('GROUP_AGENCIES registers too few agencies for the group recipe.');
      return {
        path: '/operator/advisory-groups',
        body: {
          id: fresh('rel-console-group'),
          agencyId: agency,
          'name.zh': '諮詢小組',
          'name.en': 'Advisory group',
          'members.0.id': 'chair',
          'members.0.name': '王主席',
          'members.0.email': 'chair@advisory.example.tw',
          'members.0.seat': 'CONVENER',
        },
      };
    },
  },
  'GET /operator/advisory-groups/{id}': {
    request: () => ({ path: `/operator/advisory-groups/${SEED.group}` }),
  },
  // The seeded group saved as it is, at the revision it holds now (each save makes a new one).
  'POST /operator/advisory-groups/{id}': {
    async request() {
      const found = await advisoryGroupRepository.getVersioned(SEED.group);
      if (!found) throw new Error('The seeded advisory group is missing.');
      return {
        path: `/operator/advisory-groups/${SEED.group}`,
        body: { ...groupValues(found.value, found.revision), action: 'save' },
      };
    },
  },
  'POST /operator/accounts': {
    request: () => ({
      path: '/operator/accounts',
      body: {
        sub: fresh('rel-account'),
        name: '測試承辦人',
        email: 'clerk@rel.example.tw',
        role: 'agency',
        agencyId: SEED.subordinate,
      },
    }),
  },
};

/**
 * Workspace routes whose recipe acts on a proposal of the NLSC: the ministry's clerk, signed in for
 * another agency, gets the page saying it is not theirs (403), as a bearer token of another agency would.
 */
const NLSC_OWN = new Set([
  'GET /agency/proposals/{id}',
  'GET /agency/proposals/{id}/edit',
  'POST /agency/proposals/{id}/edit',
  'GET /agency/proposals/{id}/preview',
  'GET /agency/proposals/{id}/check',
  'POST /agency/proposals/{id}/check',
  'POST /agency/proposals/{id}/steps',
  'GET /agency/proposals/{id}/withdraw',
  'POST /agency/proposals/{id}/withdraw',
  'GET /agency/consultations/{id}',
  'POST /agency/consultations/{id}/extend',
  'GET /agency/consultations/{id}/comments/{commentId}',
  'POST /agency/consultations/{id}/comments/{commentId}',
  'GET /agency/datasets/{id}/edit',
  'POST /agency/datasets/{id}/edit',
  'GET /agency/licensing/{id}/payment',
  'POST /agency/licensing/{id}/payment',
  'GET /agency/licensing/certificates/{number}/revoke',
  'POST /agency/licensing/certificates/{number}/revoke',
]);

/**
 * Routes whose admitted callers do not get a 2xx from the matrix's plain call, and why that is right:
 * sign-in is a redirect to the provider; the callback without its sign-in attempt is its error page.
 */
const ANSWERS_OTHERWISE: Record<string, number> = { 'GET /sign-in': 303, 'GET /auth/callback': 400 };

const routeKey = (route: RouteDefinition) => `${route.method} ${route.path}`;

/** Sign-in and the workspace answer with redirects whose target is the point: not followed. */
const redirectOf = (route: RouteDefinition) =>
  route.path === '/sign-in' || isWorkspaceAccess(route.access) ? ('manual' as const) : ('follow' as const);

/** Everything a refused call could have changed, read as the owner sees it. */
async function observable(): Promise<unknown> {
  const owner = w.tokens.owner;
  const proposals = [
    fixture.vote1,
    fixture.vote2,
    fixture.decided,
    fixture.awaiting,
    fixture.consult,
    fixture.draftToSubmit,
    fixture.draftToEdit,
    fixture.toWithdraw,
    fixture.stoppedReview,
    fixture.consoleStoppedReview,
  ];
  const reads = await Promise.all([
    ...proposals.flatMap((id) => [
      w.api.get(`/fee-proposals/${id}`, owner),
      w.api.get(`/fee-proposals/${id}/events`),
      w.api.get(`/fee-proposals/${id}/comments`),
    ]),
    w.api.get('/agencies'),
    w.api.get(`/agencies/${SEED.subordinate}`),
    w.api.get(`/agencies/${OTHER_AGENCY}`),
    w.api.get(`/certificates/${fixture.certificate}/verify`),
    w.api.get('/agency/fee-proposals', owner),
    w.api.get('/agency/licenses', owner),
    w.api.get(`/datasets/${EDITED_DATASET.id}`),
  ]);
  const license = await licenseRepository.get(fixture.licenseToPay!);
  return [reads.map((r) => [r.status, r.body]), license];
}

beforeAll(async () => {
  w = await startWorld();
  const { flow } = w;
  for (let i = 0; i < GROUP_AGENCIES; i++) {
    const id = fresh('rel-console-top');
    const made = await w.api.post('/agencies', { id, name: { zh: '機關', en: 'Agency' } }, w.tokens.operator);
    expect(made.status).toBe(201);
    groupAgencies.push(id);
  }
  // Licenses first: once a schedule is approved for the dataset, its later effective date prices them.
  fixture.licenseToPay = (await w.licenseAwaitingPayment('payer@example.tw')).id;
  fixture.certificate = await w.ownersCertificate('holder@example.tw');
  fixture.certificateToken = await w.certificateToken(fixture.certificate);
  // The licenses desk's own: its forms pay and revoke these (the API's recipes use the ones above).
  const fromDesk = await w.licenseAwaitingPayment('desk-payer@example.tw');
  fixture.licenseToPayFromDesk = fromDesk.id;
  fixture.licenseToPayFromDeskTotal = String(fromDesk.totalTwd);
  fixture.certificateToRevokeFromDesk = await w.ownersCertificate('desk-holder@example.tw');
  // Everything that needs a closed consultation closes with one move of the clock: the ballots of
  // a vote expire after 14 days, so no later move may pass before the matrix uses them.
  fixture.vote1 = await w.inConsultation();
  fixture.vote2 = await w.inConsultation();
  fixture.decided = await w.inConsultation();
  fixture.awaiting = await w.inConsultation();
  fixture.awaitingComment = await w.comment(fixture.awaiting, '請說明人工成本。');
  await flow.advance('P61D');
  for (const member of ['convener', 'agency-rep', 'civil-1', 'civil-2'])
    expect((await flow.vote(await flow.ballotLink(member, fixture.decided), 'APPROVE')).status).toBe(200);
  // Seven unused ballots, four of one proposal and three of the other.
  const members = ['convener', 'agency-rep', 'civil-1', 'civil-2', 'scholar-1', 'scholar-2', 'industry-1'];
  for (let i = 0; i < CALLERS.length; i++) {
    const proposal = i % 2 === 0 ? fixture.vote1 : fixture.vote2;
    fixture[`ballot${i}`] = w.secretOf(await flow.ballotLink(members[i]!, proposal));
  }
  fixture.consult = await w.inConsultation();
  for (let i = 0; i < CALLERS.length; i++) {
    const email = `commenter-${i}@example.tw`;
    await w.comment(fixture.consult, `意見 ${i}`, email);
    fixture[`verification${i}`] = await w.verificationSecret(email);
  }
  const closesAt = (await w.api.get(`/fee-proposals/${fixture.consult}`)).body.consultation
    .closesAt as string;
  fixture.consultExtendTo = new Date(Date.parse(closesAt) + 14 * 86_400_000).toISOString();
  fixture.toWithdraw = await w.inConsultation();
  fixture.toWithdrawFromDesk = await w.inConsultation();
  fixture.stoppedReview = await stoppedReview();
  fixture.consoleStoppedReview = await stoppedReview();
  expect((await w.api.post('/datasets', EDITED_DATASET, w.tokens.owner)).status).toBe(201);
  fixture.draftToSubmit = await w.draft();
  fixture.draftToEdit = await w.draft();
  fixture.draftToSubmitFromPage = await w.draft();
  fixture.consultComment = await w.comment(fixture.consult, '請公開成本計算方式。');
  // After the clock's last move: a confirmation link is valid for three days.
  for (const [key, email] of [
    ['confirmationToShow', 'shown@licensee.example.tw'],
    ['confirmationToUse', 'used@licensee.example.tw'],
  ] as const) {
    const requested = await w.api.post('/licenses', {
      datasetId: SEED.datasets.open,
      licensee: { name: '林小華', email },
      purpose: 'ACADEMIC',
    });
    expect(requested.status).toBe(202);
    fixture[key] = (await confirmationSecrets(w.runtime.url, email)).at(-1)!;
  }
  // Also after the clock's last move: a "my licenses" link is valid for a day.
  expect((await w.api.post('/my-licenses', { email: 'used@licensee.example.tw' })).status).toBe(202);
  fixture.myLicenses = (await myLicensesSecrets(w.runtime.url, 'used@licensee.example.tw')).at(-1)!;
  // Also after it: a subscription's confirmation link is valid for a week. A confirmed subscriber
  // to every consultation hears of the next one, with an unsubscribe link.
  for (const [key, email] of [
    ['subscriptionToShow', 'shown@subscriber.example.tw'],
    ['subscriptionToUse', 'used@subscriber.example.tw'],
  ] as const) {
    expect((await w.api.post('/subscriptions', { email })).status).toBe(202);
    fixture[key] = (await linkSecrets(w.runtime.url, email, 'subscriptions')).at(-1)!;
  }
  expect((await w.api.post(`/subscriptions/${fixture.subscriptionToUse}`, {})).status).toBe(200);
  await w.inConsultation();
  fixture.unsubscribe = (await linkSecrets(w.runtime.url, 'used@subscriber.example.tw', 'unsubscribe')).at(
    -1,
  )!;
});

afterAll(() => w?.close());

/** A review in consultation whose execution was stopped by hand (test/support/stopped-review.ts). */
async function stoppedReview(): Promise<string> {
  const id = await w.inConsultation();
  await stopReview(id);
  return id;
}

describe('the access matrix', () => {
  it('has a way to call every route', () => {
    expect(routes.map(routeKey).filter((key) => !recipes[key])).toEqual([]);
  });

  for (const route of routes) {
    it(`${routeKey(route)} (${route.access}) succeeds only for the callers its access admits`, async () => {
      const recipe = recipes[routeKey(route)];
      if (!recipe) throw new Error(`no recipe for ${routeKey(route)}`);
      const expected = (caller: Caller): Outcome =>
        caller === 'other' && recipe.ownScope ? 'ok' : EXPECTED[route.access][caller];
      const refused = CALLERS.filter((c) => expected(c) !== 'ok');
      const admitted = CALLERS.filter((c) => expected(c) === 'ok');

      // Refused callers go first, and must leave no trace.
      const before = refused.length ? await observable() : undefined;
      for (const caller of refused) {
        await attempt('access', async () => {
          const call = await recipe.request(caller, CALLERS.indexOf(caller));
          const res = await w.api.call(route.method, call.path, {
            token: w.tokens[caller],
            body: call.body,
            redirect: redirectOf(route),
          });
          const outcome = expected(caller);
          if (outcome === 'sign-in') {
            // A person's browser: a redirect to sign in, or a page, never the JSON body.
            if (route.method === 'GET') {
              expect(res.status, caller).toBe(303);
              expect(res.headers.get('location'), caller).toMatch(/^\/sign-in\?return=/);
            } else {
              expect(res.status, caller).toBe(401);
              expect(res.headers.get('content-type'), caller).toMatch(/^text\/html/);
            }
            return;
          }
          expect(res.status, `${caller}: ${res.text}`).toBe(outcome);
          expect(res.body.error.code, caller).toMatch(/^[A-Z][A-Z_]+$/);
        });
      }
      if (refused.length) expect(await observable()).toEqual(before);

      for (const caller of admitted) {
        await attempt('access', async () => {
          const call = await recipe.request(caller, CALLERS.indexOf(caller));
          const res = await w.api.call(route.method, call.path, {
            token: w.tokens[caller],
            body: call.body,
            redirect: redirectOf(route),
          });
          const otherwise = ANSWERS_OTHERWISE[routeKey(route)];
          if (otherwise !== undefined) {
            expect(res.status, caller).toBe(otherwise);
            return;
          }
          expect(res.status, `${caller}: ${res.text.slice(0, 300)}`).toBeGreaterThanOrEqual(200);
          expect(res.status, `${caller}: ${res.text.slice(0, 300)}`).toBeLessThan(300);
        });
      }
      // What a success set going (an answered comment moves the review on) ends before the next route.
      await w.runtime.settle();
    });
  }

  it("shows a draft only in its own agency's list, and to nobody on the public route", async () => {
    const own = await w.api.get('/agency/fee-proposals', w.tokens.owner);
    const others = await w.api.get('/agency/fee-proposals', w.tokens.other);
    expect(own.body.items.map((p: any) => p.id)).toContain(fixture.draftToEdit);
    expect(others.body.items).toEqual([]);
    for (const caller of CALLERS) {
      await attempt('access', async () => {
        // A public route verifies no token, so no caller is known there: a draft does not exist.
        const res = await w.api.get(`/fee-proposals/${fixture.draftToEdit}`, w.tokens[caller]);
        expect(res.status, caller).toBe(404);
      });
    }
  });
});

describe('the workspace', () => {
  const workspaceRoutes = routes.filter((r) => isWorkspaceAccess(r.access));
  const people = Object.keys(SESSION_EXPECTED.workspace) as SeededPerson[];

  for (const route of workspaceRoutes) {
    it(`${routeKey(route)} (${route.access}) opens only for the signed-in people its access admits`, async () => {
      const recipe = recipes[routeKey(route)]!;
      for (const person of people) {
        await attempt('access', async () => {
          // A fresh session each time: a sign-out ends the one it is posted with.
          const { client } = await signInAs(w.runtime.url, person);
          const call = await recipe.request('owner', 0);
          const res =
            route.method === 'GET'
              ? await client.get(call.path)
              : await client.post(call.path, (call.body ?? {}) as Record<string, string>);
          const expected =
            person === 'moi-clerk' && NLSC_OWN.has(routeKey(route))
              ? 403
              : SESSION_EXPECTED[route.access as WorkspaceAccess][person];
          if (expected === 403) {
            expect(res.status, person).toBe(403);
            expect(res.headers.get('content-type'), person).toMatch(/^text\/html/);
          } else {
            expect(res.status, `${person}: ${res.text.slice(0, 300)}`).toBeLessThan(400);
            expect(res.location ?? '', person).not.toMatch(/^\/sign-in/);
          }
        });
      }
    });
  }
});
