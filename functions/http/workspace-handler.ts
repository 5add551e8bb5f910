/**
 * Workspace routes: the pages and forms of the agency workspace and the operator console, for a
 * person signed in through /sign-in (a session cookie), never for a bearer token. The contract:
 *
 * - A route declares who it is for by its access, in routes.ts and in its handler alike:
 *   `workspace-agency` (an agency's staff), `workspace-operator`, or `workspace` (anyone signed in).
 *       export const handler = workspaceHandler({ access: 'workspace-agency' }, async ({ principal, session }) =>
 *         workspacePageResult(200, workspacePage(frameOf(session!), title, body, { current: '/agency' })));
 *   `principal` is the same Principal bearer routes get (roles, agencyId), read from the session.
 * - No session (none, expired, signed out): a GET is answered 303 to `/sign-in?return=<this page>`;
 *   a POST gets a page saying nothing was saved (a 401 page), never JSON.
 * - Every POST is checked before anything runs: its Origin must be this site's, and its form must
 *   carry the session's token in the `csrfToken` field (`csrfField(session.csrfToken)` in the
 *   form, templates/pages/workspace.ts). Either missing or wrong → a 403 page; nothing runs.
 * - A role the route is not for → a 403 page; any other refusal → a page with its status and code.
 *   A route with a form runs its post through formPost (form-post.ts): a refusal is the form again.
 * - Forms post to workspace routes (under `/agency/…`, `/operator/…`) that call the same use cases as
 *   the JSON API with `principal`: on AWS the JWT authorizer stands in front of every bearer route,
 *   so a browser with only a cookie could never reach those.
 */
import { timingSafeEqual } from 'node:crypto';
import { AppError, ForbiddenError } from '#domain/errors';
import type { WorkspaceSession } from '#domain/session';
import { currentClock } from '#ports/clock';
import { log } from '#ports/log';
import { sessionStore } from '#ports/session-store';
import {
  formRefusedPage,
  notForYouPage,
  sessionEndedPage,
  workspaceErrorPage,
} from '#templates/pages/sign-in';
import type { WorkspaceFrame } from '#templates/pages/workspace';
import { CSRF_FIELD } from '#templates/pages/workspace';
import { baseUrlOf, routeHandler, type RouteInput, type RouteSpec } from './handler.ts';
import type { PageErrors } from './middleware/error-body.ts';
import { idempotency } from './middleware/idempotency.ts';
import { readBody } from './middleware/parse-request.ts';
import { admit } from './middleware/principal.ts';
import { readCookie } from './session-cookies.ts';
import { toResponse } from './to-response.ts';
import type { BearerAccess, HttpEvent, HttpResult, WorkspaceAccess } from './types.ts';
import { workspacePageResult } from './workspace-page-result.ts';

/** 401 on a workspace route: nobody is signed in (a GET becomes a 303 to /sign-in). */
export class SignInRequiredError extends AppError {
  override readonly name = 'SignInRequiredError';
  readonly statusCode = 401;
  constructor() {
    super('SIGN_IN_REQUIRED', 'Sign in to the workspace first.');
  }
}

/** 403: a workspace form without this session's token, or from another origin. */
export class FormRefusedError extends AppError {
  override readonly name = 'FormRefusedError';
  readonly statusCode = 403;
  constructor(message: string) {
    super('CSRF_REFUSED', message);
  }
}

const ROLES_OF: Record<WorkspaceAccess, BearerAccess> = {
  'workspace-agency': 'agency',
  'workspace-operator': 'operator',
  workspace: 'agency-or-operator',
};

const READS = new Set(['GET', 'HEAD']);

type WorkspaceRun<B, P, Q> = (
  input: RouteInput<B, P, Q> & { session: WorkspaceSession },
) => Promise<HttpResult>;

export function workspaceHandler<B = undefined, P = Record<string, never>, Q = Record<string, never>>(
  spec: RouteSpec<B, P, Q, WorkspaceAccess>,
  run: WorkspaceRun<B, P, Q>,
) {
  return workspaceRoute(spec, run, [idempotency()]);
}

/** A workspace page that answers GET only: as workspaceHandler, without the write middleware (handler.ts). */
export function workspaceGetHandler<B = undefined, P = Record<string, never>, Q = Record<string, never>>(
  spec: RouteSpec<B, P, Q, WorkspaceAccess>,
  run: WorkspaceRun<B, P, Q>,
) {
  return workspaceRoute(spec, run);
}

function workspaceRoute<B, P, Q>(
  spec: RouteSpec<B, P, Q, WorkspaceAccess>,
  run: WorkspaceRun<B, P, Q>,
  writes?: Parameters<typeof routeHandler>[3],
) {
  return routeHandler(
    { ...spec, pageErrors: workspacePageErrors(spec.pageErrors) },
    (input) => run(input as RouteInput<B, P, Q> & { session: WorkspaceSession }),
    async (event) => {
      const session = await sessionOf(event);
      if (!session) throw new SignInRequiredError();
      admit(ROLES_OF[spec.access], session.principal);
      if (!READS.has(event.requestContext.http.method)) checkForm(event, session);
      return { principal: session.principal, session };
    },
    writes,
  );
}

/** The live session the request's cookie names, if any. */
export async function sessionOf(event: HttpEvent): Promise<WorkspaceSession | undefined> {
  const id = readCookie(event.cookies, 'session', baseUrlOf(event));
  return id ? sessionStore.read(id, currentClock().now()) : undefined;
}

/** What the frame shows of a session. */
export function frameOf(session: WorkspaceSession): WorkspaceFrame {
  const { principal } = session;
  return {
    displayName: session.displayName,
    role: principal.roles.includes('agency') ? 'agency' : 'operator',
    agencyId: principal.agencyId,
    csrfToken: session.csrfToken,
  };
}

/** The Origin check and the synchronizer token check of a workspace POST. */
function checkForm(event: HttpEvent, session: WorkspaceSession): void {
  const origin = event.headers.origin;
  const expected = new URL(baseUrlOf(event)).origin;
  if (origin !== expected) {
    throw new FormRefusedError(
      origin === undefined
        ? 'The form was sent without an Origin header.'
        : `The form was sent from ${origin}, not from this site.`,
    );
  }
  const posted = readBody(event);
  const token =
    typeof posted === 'object' && posted !== null
      ? (posted as Record<string, unknown>)[CSRF_FIELD]
      : undefined;
  if (typeof token !== 'string' || !sameSecret(token, session.csrfToken)) {
    throw new FormRefusedError('The form does not carry this session’s form token.');
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Every refusal on a workspace route is a page; the route's own page errors come first. */
function workspacePageErrors(own?: PageErrors): PageErrors {
  return async (error, event) => {
    const answered = await own?.(error, event);
    if (answered) return answered;
    const path = event.rawPath + (event.rawQueryString ? `?${event.rawQueryString}` : '');
    if (error instanceof SignInRequiredError) {
      if (READS.has(event.requestContext.http.method))
        return toResponse({
          status: 303,
          headers: { location: `/sign-in?return=${encodeURIComponent(path)}` },
        });
      return toResponse(workspacePageResult(401, sessionEndedPage(event.rawPath)));
    }
    if (error instanceof FormRefusedError) return toResponse(workspacePageResult(403, formRefusedPage()));
    if (error instanceof ForbiddenError)
      return toResponse(workspacePageResult(403, notForYouPage(error.message)));
    if (error instanceof AppError)
      return toResponse(
        workspacePageResult(
          error.statusCode,
          workspaceErrorPage(error.statusCode, error.code, error.message),
        ),
      );
    log.error('unexpected error', {
      requestId: event.requestContext.requestId,
      error: error instanceof Error ? error.stack : String(error),
    });
    return toResponse(
      workspacePageResult(
        500,
        workspaceErrorPage(
          500,
          'INTERNAL_ERROR',
          `Something went wrong on our side (request ${event.requestContext.requestId}).`,
        ),
      ),
    );
  };
}
