/**
 * Routes that exist only in the local runtime (absent on AWS): the controllable clock, token
 * minting, and (added by the features that need them) the mail outbox.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from '#domain/zod';
import { errorBody } from '#http/middleware/error-body';
import { issuesToDetails } from '#http/middleware/parse-request';
import type { HttpResponse } from '#http/types';
import { writeResponse } from './event-adapter.ts';
import { parseDuration } from './local-clock.ts';
import type { LocalClock } from './local-clock.ts';
import type { LocalTokenIssuer } from './token-issuer.ts';
import type { LocalRoute } from './http-server.ts';

export interface LocalRouteDeps {
  clock: LocalClock;
  issuer: LocalTokenIssuer;
  /** Fires every deadline now due and waits until the work they start has settled. */
  settle?: () => Promise<void>;
  /** Further local routes (outbox), tried in order. */
  extra?: LocalRoute[];
}

const ClockChange = z.union([
  z.strictObject({
    advanceBy: z
      .string()
      .check(
        z.refine((s) => parseDuration(s) !== undefined, 'Use an ISO-8601 duration such as P61D or PT12H.'),
      ),
  }),
  z.strictObject({ set: z.iso.datetime() }),
]);

const TokenRequest = z
  .object({
    role: z.enum(['agency', 'operator']),
    agencyId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  })
  .check(
    z.refine((r) => r.role !== 'agency' || r.agencyId, {
      path: ['agencyId'],
      message: 'An agency token needs agencyId.',
    }),
  );

const jsonResponse = (status: number, body: unknown): HttpResponse => ({
  statusCode: status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});

function parseJson(body: Buffer): unknown {
  try {
    return body.length ? JSON.parse(body.toString('utf8')) : {};
  } catch {
    return Symbol.for('malformed');
  }
}

function invalid(error: z.core.$ZodError | undefined, message: string): HttpResponse {
  return errorBody(
    {
      code: 'VALIDATION_FAILED',
      message,
      details: error ? issuesToDetails(error.issues) : [{ path: '', message: 'Body is not valid JSON.' }],
    },
    400,
  );
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The local routes mint operator tokens, move the clock and show mails with live ballot links: only
 * for a page or a client on this machine. A Host other than a loopback name (a DNS-rebinding page
 * reaching 127.0.0.1 under its own name) is refused, and so is a write that is not JSON (a
 * cross-site form or `text/plain` post, which a browser sends without asking).
 */
function localRouteRefusal(req: IncomingMessage, method: string): HttpResponse | undefined {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  if (!LOOPBACK_HOSTS.has(host))
    return errorBody(
      {
        code: 'LOCAL_ROUTE_LOOPBACK_ONLY',
        message: 'The local routes answer only requests addressed to 127.0.0.1, localhost or [::1].',
      },
      403,
    );
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (method !== 'GET' && method !== 'HEAD' && type !== 'application/json')
    return errorBody(
      {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'The local routes take JSON bodies (Content-Type: application/json).',
      },
      415,
    );
  return undefined;
}

export function localRoutes(deps: LocalRouteDeps): LocalRoute {
  return async (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer) => {
    const method = req.method ?? 'GET';
    const send = (r: HttpResponse) => {
      writeResponse(res, r, method);
      return true;
    };

    if (url.pathname.startsWith('/_local/')) {
      const refusal = localRouteRefusal(req, method);
      if (refusal) return send(refusal);
    }
    if (url.pathname === '/_local/clock' && method === 'GET') {
      return send(jsonResponse(200, { now: deps.clock.now().toISOString() }));
    }
    if (url.pathname === '/_local/clock' && method === 'POST') {
      const parsed = ClockChange.safeParse(parseJson(body));
      if (!parsed.success)
        return send(invalid(parsed.error, 'Send {"advanceBy": "P61D"} or {"set": "2026-12-01T00:00:00Z"}.'));
      const change = parsed.data;
      if ('advanceBy' in change) deps.clock.advanceBy(parseDuration(change.advanceBy)!);
      else deps.clock.set(new Date(change.set));
      await deps.settle?.();
      return send(jsonResponse(200, { now: deps.clock.now().toISOString() }));
    }
    if (url.pathname === '/_local/token' && method === 'POST') {
      const parsed = TokenRequest.safeParse(parseJson(body));
      if (!parsed.success)
        return send(
          invalid(parsed.error, 'Send {"role": "agency", "agencyId": "moi"} or {"role": "operator"}.'),
        );
      return send(jsonResponse(200, { token: await deps.issuer.mint(parsed.data) }));
    }
    for (const route of deps.extra ?? []) {
      if (await route(req, res, url, body)) return true;
    }
    return false;
  };
}
