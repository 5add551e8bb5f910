// Part 2: the API under load on the local runtime. The runtime runs in a child process of its own (so the
// load generator does not share its event loop) with DynamoDB in memory; autocannon drives it over
// loopback with a fixed number of connections for a fixed time. Every request body is distinct, as real
// traffic would be (a new licensee per license, a new comment text per comment).
import { confirmationSecrets } from '../test/support/licenses.ts';
import autocannon from 'autocannon';
import { api, OPEN_DATASET, AGENCY, type RuntimeHandle } from './runtime-handle.ts';
import { round } from './stats.ts';

export const LOAD = { connections: 20, durationSeconds: 8 } as const;

export interface RouteLoad {
  route: string;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  statusCodes: Record<string, number>;
}

export async function apiUnderLoad(runtime: RuntimeHandle): Promise<RouteLoad[]> {
  const client = api(runtime.url);
  const agency = await client.token('agency', AGENCY);
  const proposalId = await client.proposalInConsultation(agency);
  await client.post('/licenses', {
    datasetId: OPEN_DATASET,
    licensee: { name: '基準測試', email: 'verify-target@bench.example.tw' },
    purpose: 'ACADEMIC',
  });
  // The licensee confirms from the mailed link; the certificate is issued then.
  const [secret] = await confirmationSecrets(runtime.url, 'verify-target@bench.example.tw');
  const issued = await client.post(`/license-confirmations/${secret}`, {});
  const number = issued.certificate.number as string;

  let serial = 0;
  const json = { 'content-type': 'application/json', accept: 'application/json' };
  const loads: { route: string; request: Parameters<typeof autocannon>[0]['requests'] }[] = [
    {
      route: 'POST /licenses (OPEN, a new licensee each: request and mailed confirmation link)',
      request: [
        {
          method: 'POST',
          path: '/licenses',
          headers: json,
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({
              datasetId: OPEN_DATASET,
              licensee: { name: `測試者 ${++serial}`, email: `load-${serial}@bench.example.tw` },
              purpose: 'COMMERCIAL',
            }),
          }),
        },
      ],
    },
    {
      route: 'GET /certificates/{n}/verify',
      request: [
        { method: 'GET', path: `/certificates/${number}/verify`, headers: { accept: 'application/json' } },
      ],
    },
    {
      route: 'POST /fee-proposals/{id}/comments',
      request: [
        {
          method: 'POST',
          path: `/fee-proposals/${proposalId}/comments`,
          headers: json,
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({
              body: `第 ${++serial} 則意見：請公開每幅圖之成本計算。Please publish the cost basis (${serial}).`,
              author: { name: `民眾 ${serial}` },
            }),
          }),
        },
      ],
    },
  ];

  const results: RouteLoad[] = [];
  for (const { route, request } of loads) {
    const result = await autocannon({
      url: runtime.url,
      connections: LOAD.connections,
      duration: LOAD.durationSeconds,
      timeout: 10,
      requests: request,
    });
    results.push({
      route,
      requests: result.requests.total,
      requestsPerSecond: round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      maxMs: result.latency.max,
      errors: result.errors + result.timeouts + result.non2xx,
      statusCodes: Object.fromEntries(
        Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]),
      ),
    });
  }
  return results;
}
