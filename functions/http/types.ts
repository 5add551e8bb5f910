/** The shapes the HTTP layer passes around: the API Gateway v2 event, the caller, the result. */
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResponse = APIGatewayProxyStructuredResultV2 & {
  statusCode: number;
  headers: Record<string, string>;
};

/** API routes: which bearer-token callers a route admits before its use case checks ownership. */
export type BearerAccess = 'agency' | 'operator' | 'agency-or-operator';

/**
 * Workspace pages and forms (functions/http/workspace-handler.ts): a person signed in with a session
 * cookie, never a bearer token. `workspace-agency` admits an agency's staff, `workspace-operator` an
 * operator, `workspace` anyone signed in (sign-out). A browser without a session is sent to /sign-in.
 */
export type WorkspaceAccess = 'workspace-agency' | 'workspace-operator' | 'workspace';

/** Which callers a route admits: anyone, a bearer token of a role, or a signed-in person of a role. */
export type Access = 'public' | BearerAccess | WorkspaceAccess;

export const isWorkspaceAccess = (access: Access): access is WorkspaceAccess =>
  access.startsWith('workspace');

/** A route that takes a bearer token (built with bearerHandler, bearer-handler.ts). */
export const isBearerAccess = (access: Access): access is BearerAccess =>
  access !== 'public' && !isWorkspaceAccess(access);

export interface HttpResult {
  status: number;
  /** JSON-serialisable body, or a string/Buffer with `contentType`. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  /** Set-Cookie values (API Gateway v2 takes them apart from the headers, as it does the request's). */
  cookies?: string[];
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): HttpResult => ({
  status,
  body,
  headers,
});
