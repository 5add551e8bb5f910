/**
 * Starts the whole local runtime in the test process on a free port with its own data folder,
 * and gives tests a small client that speaks to it over real HTTP.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalRuntime } from '#local/runtime';
import type { LocalRuntime, LocalRuntimeOptions } from '#local/runtime';

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'ogdl-test-'));
}

export async function startTestRuntime(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  process.env.LOG_LEVEL ??= 'silent';
  return startLocalRuntime({ port: 0, inMemory: true, dataDir: tempDataDir(), ...options });
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export function apiClient(runtime: { url: string }) {
  async function call<T = any>(
    method: string,
    path: string,
    options: {
      token?: string;
      body?: unknown;
      rawBody?: string | Buffer;
      headers?: Record<string, string>;
      /** 'manual' to see a redirect itself (a workspace page's 303 to /sign-in) rather than where it leads. */
      redirect?: 'follow' | 'manual';
    } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Buffer | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${runtime.url}${path}`, {
      method,
      headers,
      body,
      redirect: options.redirect,
    });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, body: parsed as T, headers: response.headers, text };
  }
  return {
    call,
    get: <T = any>(path: string, token?: string) => call<T>('GET', path, { token }),
    post: <T = any>(path: string, body: unknown, token?: string, headers?: Record<string, string>) =>
      call<T>('POST', path, { body, token, headers }),
    put: <T = any>(path: string, body: unknown, token?: string) => call<T>('PUT', path, { body, token }),
  };
}
