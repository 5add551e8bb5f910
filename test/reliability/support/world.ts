/**
 * A running service with every kind of caller the reliability tier impersonates, and the steps
 * that put proposals, comments, ballots and licenses into the states the tests need.
 */
import { expect } from 'vitest';
import { LocalTokenIssuer } from '#local/token-issuer';
import type { LocalRuntime, LocalRuntimeOptions } from '#local/runtime';
import { SEED } from '#local/seed';
import { apiClient, startTestRuntime, tempDataDir } from '../../support/runtime.ts';
import { validProposal } from '../../support/fixtures.ts';
import { linksIn, mailsTo } from '../../support/outbox.ts';
import { reviewFlow } from '../../support/review-flow.ts';
import { requestAndConfirm } from '../../support/licenses.ts';
import { licenseRepository } from '#ports/license-repository';
import { verifyTokenOf } from '#usecases/certificate-record';

/** Who calls: no token, a token that does not verify, or a verified token of one kind. */
export const CALLERS = ['none', 'expired', 'forged', 'public', 'other', 'operator', 'owner'] as const;
export type Caller = (typeof CALLERS)[number];

/** An agency with no relation to the seeded ones (the "other agency" of every ownership check). */
export const OTHER_AGENCY = 'rel-other-agency';

export type World = Awaited<ReturnType<typeof startWorld>>;

export async function startWorld(options: LocalRuntimeOptions = {}) {
  const runtime: LocalRuntime = await startTestRuntime(options);
  const api = apiClient(runtime);
  const owner = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
  const operator = await runtime.issuer.mint({ role: 'operator' });
  const other = await runtime.issuer.mint({ role: 'agency', agencyId: OTHER_AGENCY });
  const stranger = await LocalTokenIssuer.open(tempDataDir());
  const tokens: Record<Caller, string | undefined> = {
    none: undefined,
    expired: await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate, expiresIn: '-1m' }),
    // Same claims as the owner's, signed by a key this service never issued.
    forged: await stranger.mint({ role: 'agency', agencyId: SEED.subordinate }),
    // A verified account in no group: a member of the public who signed in.
    public: await runtime.issuer.mint({ role: 'public' as never, sub: 'citizen' }),
    other,
    operator,
    owner,
  };
  const created = await api.post(
    '/agencies',
    { id: OTHER_AGENCY, name: { zh: '無關機關', en: 'An unrelated agency' } },
    operator,
  );
  expect(created.status).toBe(201);
  const flow = reviewFlow(runtime, owner);

  let drafts = 0;
  /** A new draft of the owning agency. */
  async function draft(overrides: Record<string, unknown> = {}): Promise<string> {
    drafts += 1;
    const res = await api.post(
      '/fee-proposals',
      validProposal({
        effectiveFrom: '2031-01-01',
        title: { zh: `草案 ${drafts}`, en: `Draft ${drafts}` },
        ...overrides,
      }),
      owner,
    );
    expect(res.status, res.text).toBe(201);
    return res.body.id as string;
  }

  /**
   * A draft submitted: in consultation from now on, its notice published and the workflow waiting
   * for the close (so no step of it is still running when a test injects faults).
   */
  async function inConsultation(overrides: Record<string, unknown> = {}): Promise<string> {
    const id = await draft(overrides);
    const res = await api.post(`/fee-proposals/${id}/submit`, {}, owner);
    expect(res.status, res.text).toBe(202);
    await runtime.settle();
    return id;
  }

  async function comment(proposalId: string, body: string, email?: string): Promise<string> {
    const res = await api.post(`/fee-proposals/${proposalId}/comments`, {
      body,
      author: email ? { name: '陳民眾', email } : {},
    });
    expect(res.status, res.text).toBe(201);
    return res.body.id as string;
  }

  /** The secret of the newest verification link mailed to `email`. */
  async function verificationSecret(email: string): Promise<string> {
    const link = (await mailsTo(runtime.url, email))
      .flatMap(linksIn)
      .filter((l) => l.includes('/comment-verifications/'))
      .at(-1);
    if (!link) throw new Error(`no verification link mailed to ${email}`);
    return link.split('/').at(-1)!;
  }

  /** POST /licenses, then the licensee's confirmation from the mailed link. */
  const obtainLicense = (
    request: { licensee: { email: string } & Record<string, unknown> } & Record<string, unknown>,
  ) => requestAndConfirm(api, runtime.url, request);

  /** A license of the owning agency's dataset on application, awaiting its (free) payment. */
  async function licenseAwaitingPayment(email: string): Promise<{ id: string; totalTwd: number }> {
    const res = await obtainLicense({
      datasetId: SEED.datasets.onApplication,
      licensee: { name: '林小華', email },
      purpose: 'COMMERCIAL',
    });
    expect(res.status, res.text).toBe(200);
    return { id: res.body.id as string, totalTwd: res.body.quote.totalTwd as number };
  }

  /** A certificate issued by the owning agency (a paid license on application). */
  async function ownersCertificate(email: string): Promise<string> {
    const license = await licenseAwaitingPayment(email);
    const paid = await api.post(
      `/licenses/${license.id}/payment`,
      { amountTwd: license.totalTwd, reference: 'PAY-1' },
      owner,
    );
    expect(paid.status, paid.text).toBe(200);
    return paid.body.certificate.number as string;
  }

  const secretOf = (link: string) => link.split('/').at(-1)!;

  /** The token of a certificate's links (what its licensee holds), from the store. */
  const certificateToken = async (number: string): Promise<string> =>
    verifyTokenOf((await licenseRepository.getCertificate(number))!.value.claims)!;

  return {
    runtime,
    api,
    tokens,
    flow,
    draft,
    inConsultation,
    comment,
    verificationSecret,
    obtainLicense,
    licenseAwaitingPayment,
    ownersCertificate,
    secretOf,
    certificateToken,
    close: () => runtime.close(),
  };
}
