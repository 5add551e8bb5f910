/**
 * What the service answers when no route matches a request: the local server and the HTTP API's
 * `$default` route on AWS (`route-not-found.ts`) both answer from here, so a wrong address looks
 * the same in both. A person (who asks for HTML) gets the 404 page; a program gets the contract's
 * error body: 405 with the methods the path has, or 404.
 */
import { NOT_FOUND_SUBJECTS, notFoundPage } from '#templates/pages/not-found';
import type { RequestLanguage } from './language.ts';
import { toResponse } from './to-response.ts';
import { errorBody } from './middleware/error-body.ts';
import { pageResult } from './page-result.ts';
import { compilePath, methodsOf, routes } from './routes.ts';
import type { HttpResponse } from './types.ts';

const compiled = routes.map((route) => ({ route, ...compilePath(route.path) }));

/** The routes whose path pattern matches `path`, whatever their method. */
export function routesAt(path: string) {
  return compiled.filter((c) => c.regex.test(path));
}

export function noRouteResponse(request: {
  method: string;
  path: string;
  accept?: string;
  language: RequestLanguage;
}): HttpResponse {
  const candidates = routesAt(request.path);
  if (!candidates.length && (request.accept ?? '').includes('text/html')) {
    const { setCookie, ...locale } = request.language;
    const response = toResponse(pageResult(404, notFoundPage(NOT_FOUND_SUBJECTS.page, request.path, locale)));
    if (setCookie) response.headers['set-cookie'] = setCookie;
    return response;
  }
  if (candidates.length)
    return errorBody(
      {
        code: 'METHOD_NOT_ALLOWED',
        message: `${request.method} is not allowed here; use ${candidates.flatMap((c) => methodsOf(c.route)).join(', ')}.`,
      },
      405,
    );
  return errorBody(
    {
      code: 'ROUTE_NOT_FOUND',
      message: `No route ${request.method} ${request.path}. See /openapi.json for the routes.`,
    },
    404,
  );
}
