// The HTTP API's $default route on AWS, as its bundle is deployed: a request no route matches gets
// the contract's error body (404, or 405 naming the methods the path has) or, for a person, the
// 404 page — what the local server answers from the same module.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_NOT_FOUND_ENTRY } from '../../infra/aws/stateless-stack.ts';
import type { HttpEvent, HttpResponse } from '#http/types';
import { builtBundles } from './support.ts';

let handler: (event: HttpEvent) => Promise<HttpResponse>;

beforeAll(async () => {
  const dir = builtBundles().get(ROUTE_NOT_FOUND_ENTRY);
  expect(dir, 'the $default function is built').toBeDefined();
  ({ handler } = (await import(pathToFileURL(join(dir!, 'index.mjs')).href)) as { handler: typeof handler });
});

/** An API Gateway v2 event as the `$default` route receives it. */
const event = (method: string, path: string, accept: string, language?: string): HttpEvent =>
  ({
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { accept, ...(language ? { 'accept-language': language } : {}) },
    requestContext: { http: { method, path, sourceIp: '192.0.2.1' }, requestId: 'r-1' },
    isBase64Encoded: false,
  }) as unknown as HttpEvent;

describe('the $default route on the deployed bundle', () => {
  it('answers a program with the contract’s 404 body', async () => {
    const res = await handler(event('GET', '/no-such-thing', 'application/json'));
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(String(res.body))).toEqual({
      error: {
        code: 'ROUTE_NOT_FOUND',
        message: 'No route GET /no-such-thing. See /openapi.json for the routes.',
        details: [],
      },
    });
  });

  it('answers a person with the 404 page, in Traditional Chinese unless the browser prefers English', async () => {
    const html = 'text/html,application/xhtml+xml';
    const zh = await handler(event('GET', '/no-such-thing', html));
    const en = await handler(event('GET', '/no-such-thing', html, 'en-US,en;q=0.9'));
    expect(zh.statusCode).toBe(404);
    expect(zh.headers?.['content-type']).toContain('text/html');
    expect(String(zh.body)).toContain('找不到網頁');
    expect(String(zh.body)).not.toContain('Page not found');
    expect(en.statusCode).toBe(404);
    expect(String(en.body)).toContain('Page not found');
    expect(String(en.body)).toContain('<html lang="en">');
  });

  it('names the methods a known path has when the method is not one of them', async () => {
    const res = await handler(event('DELETE', '/fee-proposals/fp-1', 'application/json'));
    expect(res.statusCode).toBe(405);
    const { error } = JSON.parse(String(res.body)) as { error: { code: string; message: string } };
    expect(error.code).toBe('METHOD_NOT_ALLOWED');
    expect(error.message).toMatch(/^DELETE is not allowed here; use .*GET/);
  });
});
