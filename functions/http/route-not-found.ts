/**
 * The HTTP API's `$default` route on AWS: every request that matches no route of routes.ts arrives
 * here (API Gateway would otherwise answer `{"message":"Not Found"}`), and gets the same answer as
 * from the local server.
 */
import type { HttpEvent, HttpResponse } from './types.ts';
import { noRouteResponse } from './no-route.ts';
import { requestLanguage } from './language.ts';

export const handler = async (event: HttpEvent): Promise<HttpResponse> =>
  noRouteResponse({
    method: event.requestContext.http.method,
    path: event.rawPath,
    accept: event.headers?.accept,
    language: requestLanguage(event),
  });
