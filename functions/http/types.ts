/** The shapes the HTTP layer passes around: the API Gateway v2 event, the caller, the result. */
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResponse = APIGatewayProxyStructuredResultV2 & {
  statusCode: number;
  headers: Record<string, string>;
};

/** Which callers a route admits before its use case checks ownership. */
export type Access = 'public' | 'agency' | 'operator' | 'agency-or-operator';

export interface HttpResult {
  status: number;
  /** JSON-serialisable body, or a string/Buffer with `contentType`. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): HttpResult => ({
  status,
  body,
  headers,
});
