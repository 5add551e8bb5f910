/**
 * Every write on a public route counts against its source address's limit. The address is the
 * connection's as the request context gives it (API Gateway's `sourceIp`; the local runtime's
 * socket), never a header a client can set.
 */
import type { MiddlewareObj } from '@middy/core';
import { admitPublicWrite } from '#usecases/rate-limits';
import type { Access, HttpEvent, HttpResponse } from '../types.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const publicWriteLimit = (access: Access): MiddlewareObj<HttpEvent, HttpResponse> => ({
  before: async (request) => {
    const http = request.event.requestContext.http;
    if (access !== 'public' || READS.has(http.method)) return;
    await admitPublicWrite(http.sourceIp);
  },
});
