// Bad input never corrupts anything: generated bodies and path parameters for every route that
// takes them, oversize bodies, wrong content types and broken JSON all answer a 4xx with the
// api.md error body (or the route's own error page), never a 5xx; and the stored state is the same
// afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type * as z from '#domain/zod';
import { routes } from '#http/routes';
import type { RouteDefinition } from '#http/routes';
import { licenseRepository } from '#ports/license-repository';
import { SEED } from '#local/seed';
import { validProposal } from '../support/fixtures.ts';
import { attempt, tried } from './support/tally.ts';
import { startWorld } from './support/world.ts';
import { isWorkspaceAccess } from '#http/types';
import { signInAs } from '../support/workspace.ts';
import type { World } from './support/world.ts';

/** Generated cases per route: enough for ≥ 2,000 bad inputs over the tier, not far more. */
const BODY_RUNS = 110;
const PARAM_RUNS = 30;

let w: World;
const fixture: Record<string, string> = {};

/** A body every route with one accepts, to break one part at a time. */
function validBody(route: RouteDefinition): Record<string, unknown> {
  switch (`${route.method} ${route.path}`) {
    case 'POST /agencies':
      return { id: 'fuzz-agency', name: { zh: '機關', en: 'Agency' } };
    case 'POST /organizations':
      return { id: 'fuzz-org', name: { zh: '協會', en: 'Association' }, mailDomains: ['fuzz.example.tw'] };
    case 'POST /advisory-groups':
      return {
        id: 'fuzz-group',
        agencyId: 'moi',
        name: { zh: '小組', en: 'Group' },
        members: [{ id: 'chair', name: '王主席', email: 'chair@advisory.example.tw', seat: 'CONVENER' }],
      };
    case 'POST /datasets':
    case 'PUT /datasets/{id}':
      return {
        id: 'fuzz-dataset',
        agencyId: SEED.subordinate,
        title: { zh: '資料集', en: 'Dataset' },
        version: '1',
        classification: 'OPEN',
        releaseYear: 2026,
      };
    case 'POST /fee-proposals':
    case 'PUT /fee-proposals/{id}':
      return validProposal({ effectiveFrom: '2031-01-01' });
    case 'POST /fee-proposals/{id}/comments':
      return { body: '意見', author: { name: '陳民眾' } };
    case 'PUT /fee-proposals/{id}/comments/{commentId}/disposition':
      return { disposition: 'ADOPTED', reply: '採納。' };
    case 'POST /fee-proposals/{id}/consultation/extend':
      return { closesAt: '2040-01-01T00:00:00.000Z', reason: '延長。' };
    case 'POST /fee-proposals/{id}/steps':
      return { step: 'FEE_AUTHORITY_CONSENT', date: '2027-01-01', reference: '台財稅字第 1 號' };
    case 'POST /ballots/{secret}':
      return { decision: 'REJECT', reason: '理由' };
    case 'POST /licenses':
      return {
        datasetId: SEED.datasets.open,
        licensee: { name: '林小華', email: 'a@example.tw' },
        purpose: 'ACADEMIC',
      };
    case 'POST /licenses/{id}/payment':
      return { amountTwd: 0, reference: 'PAY' };
    case 'POST /fee-proposals/{id}/withdraw':
      return { reason: '撤回理由' };
    case 'POST /fee-proposals/{id}/review/restart':
      return { reason: '原因已排除。' };
    case 'POST /my-licenses':
    case 'POST /subscriptions':
      return { email: 'a@example.tw' };
    case 'POST /certificates/{number}/revoke':
      return { reason: 'ISSUED_IN_ERROR', note: '誤發。' };
    default:
      throw new Error(`no valid body for ${route.method} ${route.path}`);
  }
}

/** The route's path with the fixtures' ids (or the given value for every parameter). */
function pathOf(route: RouteDefinition, override?: string): string {
  return route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (override !== undefined) return override;
    const key = `${route.method} ${route.path}`;
    if (name === 'commentId') return fixture.comment!;
    if (name === 'secret') return key.includes('ballots') ? fixture.ballot! : fixture.verification!;
    if (name === 'number') return fixture.certificate!;
    if (key.startsWith('POST /licenses/')) return fixture.license!;
    if (key.includes('/comments') && key.includes('disposition')) return fixture.awaiting!;
    if (key.startsWith('PUT /fee-proposals/{id}') && !key.includes('comments')) return fixture.draft!;
    if (key.includes('/agencies/')) return SEED.subordinate;
    if (key.includes('/advisory-groups/')) return SEED.group;
    if (key.includes('/datasets/')) return SEED.datasets.open;
    return fixture.consult!;
  });
}

/**
 * A workspace route reads its body only for a signed-in person's form from this site: the session's
 * cookie and this site's Origin (the form token is what the body lacks, so the body is read first).
 */
const sessions: Partial<Record<'agency' | 'operator', Record<string, string>>> = {};
async function sessionFor(route: RouteDefinition): Promise<Record<string, string>> {
  if (!isWorkspaceAccess(route.access)) return {};
  const kind = route.access === 'workspace-operator' ? 'operator' : 'agency';
  if (!sessions[kind]) {
    const { client } = await signInAs(w.runtime.url, kind === 'operator' ? 'operator' : 'nlsc-clerk');
    sessions[kind] = { cookie: client.jar.header('/')!, origin: new URL(w.runtime.url).origin };
  }
  return sessions[kind];
}

function tokenFor(route: RouteDefinition): string | undefined {
  if (route.access === 'operator') return w.tokens.operator;
  if (route.access === 'public') return undefined;
  return w.tokens.owner;
}

/** Every answer to bad input: a 4xx; JSON carries the api.md error body; no stack trace anywhere. */
function expectRefusal(res: { status: number; body: any; text: string; headers: Headers }, what: string) {
  expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
  expect(res.text, what).not.toMatch(/\n\s+at .+:\d+:\d+/);
  if ((res.headers.get('content-type') ?? '').includes('json')) {
    expect(res.body.error.code, what).toMatch(/^[A-Z][A-Z0-9_]+$/);
    expect(typeof res.body.error.message, what).toBe('string');
    expect(Array.isArray(res.body.error.details), what).toBe(true);
  } else {
    expect(res.headers.get('content-type'), what).toMatch(/^text\/html/);
  }
}

async function observable(): Promise<unknown> {
  const owner = w.tokens.owner;
  const reads = await Promise.all([
    ...[fixture.consult, fixture.awaiting, fixture.draft, fixture.vote].flatMap((id) => [
      w.api.get(`/fee-proposals/${id}`, owner),
      w.api.get(`/fee-proposals/${id}/events`),
      w.api.get(`/fee-proposals/${id}/comments`),
    ]),
    w.api.get('/agency/fee-proposals', owner),
    w.api.get('/agencies'),
    w.api.get(`/agencies/${SEED.subordinate}`),
    w.api.get(`/advisory-groups/${SEED.group}`, w.tokens.operator),
    w.api.get(`/certificates/${fixture.certificate}/verify`),
    w.api.get(`/ballots/${fixture.ballot}`),
  ]);
  return [reads.map((r) => [r.status, r.body]), await licenseRepository.get(fixture.license!)];
}

const bodyRoutes = routes.filter((r) => r.body !== undefined);
const paramRoutes = routes.filter((r) => r.path.includes('{'));

/** Values no field of this API takes in this place (and a few that look almost right). */
const wrongValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer({ min: -1e12, max: 1e12 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0007b',
    '\r',
    'x'.repeat(6000),
    '2031-02-30',
    '-1',
    '1e309',
    '__proto__',
  ),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

/** Every path to a value inside a JSON value: [], ['items'], ['items', 0, 'amountTwd'], … */
function pathsIn(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => pathsIn(v, [...prefix, i])));
  if (value && typeof value === 'object')
    return here.concat(Object.entries(value).flatMap(([k, v]) => pathsIn(v, [...prefix, k])));
  return here;
}

function setAt(value: unknown, path: (string | number)[], replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return replacement;
  const copy: any = structuredClone(value);
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  const last = path.at(-1)!;
  if (remove) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = replacement;
  return copy;
}

/** A valid body with one part replaced by a wrong value or removed, or any JSON value at all. */
function badBodies(route: RouteDefinition) {
  const valid = validBody(route);
  const paths = pathsIn(valid);
  const mutated = fc
    .record({ path: fc.constantFrom(...paths), value: wrongValue, remove: fc.boolean() })
    .map(({ path, value, remove }) => setAt(valid, path, value, remove && path.length > 0));
  const schema = route.body as z.ZodMiniType;
  return fc
    .oneof({ weight: 4, arbitrary: mutated }, { weight: 1, arbitrary: fc.jsonValue() })
    .filter((body) => !schema.safeParse(body).success);
}

/** Path parameter values no record has: any text, traversal, encoded separators, broken escapes. */
const badParam = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }).map(encodeURIComponent),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).map(encodeURIComponent),
  fc.constantFrom(
    '..',
    '%2e%2e%2f%2e%2e',
    '%00',
    'a%2Fb',
    '%E0%A4%A',
    '%',
    '%zz',
    '%C0%AF',
    'x'.repeat(300),
    '%F0%9F%92%A9',
    '__proto__',
    'constructor',
  ),
);

beforeAll(async () => {
  w = await startWorld();
  fixture.license = (await w.licenseAwaitingPayment('payer@example.tw')).id;
  fixture.certificate = await w.ownersCertificate('holder@example.tw');
  fixture.vote = await w.inConsultation();
  fixture.awaiting = await w.inConsultation();
  fixture.comment = await w.comment(fixture.awaiting, '請說明成本。');
  await w.flow.advance('P61D');
  fixture.ballot = w.secretOf(await w.flow.ballotLink('convener', fixture.vote));
  fixture.consult = await w.inConsultation();
  await w.comment(fixture.consult, '意見', 'fuzz@example.tw');
  fixture.verification = await w.verificationSecret('fuzz@example.tw');
  fixture.draft = await w.draft();
});

afterAll(() => w?.close());

describe('bad input', () => {
  let before: unknown;
  beforeAll(async () => {
    before = await observable();
  });

  for (const route of bodyRoutes) {
    it(`${route.method} ${route.path}: generated bad bodies get a 4xx with the error body`, async () => {
      await fc.assert(
        fc.asyncProperty(badBodies(route), async (body) => {
          tried('bad input');
          const res = await w.api.call(route.method, pathOf(route), { token: tokenFor(route), body });
          expectRefusal(res, JSON.stringify(body).slice(0, 200));
        }),
        { numRuns: BODY_RUNS },
      );
    });
  }

  for (const route of paramRoutes) {
    it(`${route.method} ${route.path}: generated path parameters get a 4xx, never a 5xx`, async () => {
      const body = route.body ? validBody(route) : route.method === 'GET' ? undefined : {};
      await fc.assert(
        fc.asyncProperty(badParam, async (param) => {
          // A dot segment is resolved by the client (`/agencies/..` is `/`, the home page;
          // `/certificates/../verify` is `/verify`): a path that left the route is not this route.
          const within = `/${route.path.split('/')[1]}/`;
          fc.pre(new URL(pathOf(route, param), w.runtime.url).pathname.startsWith(within));
          tried('bad input');
          // A workspace page is asked for by a signed-in browser (else it is only a 303 to sign in).
          const res = await w.api.call(route.method, pathOf(route, param), {
            token: tokenFor(route),
            body,
            headers: await sessionFor(route),
          });
          expectRefusal(res, param);
        }),
        { numRuns: PARAM_RUNS },
      );
    });
  }

  it('refuses oversize bodies, other content types and broken JSON on every route that reads a body', async () => {
    const writes = routes.filter((r) => r.method !== 'GET');
    const huge = JSON.stringify({ body: 'x'.repeat(300 * 1024) });
    for (const route of writes) {
      const token = tokenFor(route);
      const cases: { what: string; rawBody: string | Buffer; type: string; status: number[] }[] = [
        { what: 'over the limit', rawBody: huge, type: 'application/json', status: [413] },
        {
          what: 'over the gateway limit',
          rawBody: Buffer.alloc(11 * 1024 * 1024, 32),
          type: 'application/json',
          status: [413],
        },
        { what: 'text', rawBody: 'decision=APPROVE', type: 'text/plain', status: [415] },
        { what: 'xml', rawBody: '<a/>', type: 'application/xml', status: [415] },
        {
          what: 'multipart',
          rawBody: '--x\r\n\r\n--x--',
          type: 'multipart/form-data; boundary=x',
          status: [415],
        },
        {
          what: 'bytes',
          rawBody: Buffer.from([0xff, 0xfe, 0x00]),
          type: 'application/octet-stream',
          status: [415],
        },
        { what: 'broken JSON', rawBody: '{"a": ', type: 'application/json', status: [400] },
        {
          what: 'not UTF-8 JSON',
          rawBody: Buffer.from([0x7b, 0xff, 0x7d]),
          type: 'application/json',
          status: [400],
        },
      ];
      for (const c of cases) {
        await attempt('bad input', async () => {
          const res = await w.api.call(route.method, pathOf(route), {
            token,
            rawBody: c.rawBody,
            headers: { 'content-type': c.type, ...(await sessionFor(route)) },
          });
          expectRefusal(res, `${route.method} ${route.path} ${c.what}`);
          expect(c.status, `${route.method} ${route.path} ${c.what}: ${res.text.slice(0, 200)}`).toContain(
            res.status,
          );
        });
      }
    }
  });

  it('leaves every fixture as it was', async () => {
    await w.runtime.settle();
    expect(await observable()).toEqual(before);
  });
});
