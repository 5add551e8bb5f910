/**
 * Every write on a public route counts against its source address's limit. The address is the
 * connection's as the request context gives it (API Gateway's `sourceIp`; the local runtime's
 * socket), never a header a client can set. Only public routes use it (httpHandler in handler.ts):
 * the others admit a known caller first.
 */
import type { MiddlewareObj } from '@middy/core';
import { admitPublicWrite } from '#usecases/rate-limits';
import type { HttpEvent, HttpResponse } from '../types.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const publicWriteLimit = (): MiddlewareObj<HttpEvent, HttpResponse> => ({
  before: async (request) => {
    const http = request.event.requestContext.http;
    if (READS.has(http.method)) return;
    await admitPublicWrite(http.sourceIp);
  },
});
