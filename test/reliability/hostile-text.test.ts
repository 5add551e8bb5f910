// The smaller items of integrity: local routes only for this machine; names that print as one
// line, with a letter and nothing invisible; proposal titles (mail subjects) on one line;
// extensions capped; nosniff and HSTS on every response; a token in both groups refused on agency
// routes; the local data folder readable by its user alone.
import { readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '#local/seed';
import { validProposal } from '../support/fixtures.ts';
import { attempt, tried } from './support/tally.ts';
import { startWorld } from './support/world.ts';
import type { World } from './support/world.ts';

let w: World;

beforeAll(async () => {
  w = await startWorld();
});
afterAll(() => w?.close());

describe('local routes', () => {
  /** A request with exactly these headers (fetch would set its own Host). */
  const raw = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string }) =>
    new Promise<{ status: number; text: () => Promise<string>; json: () => Promise<unknown> }>(
      (done, fail) => {
        const url = new URL(w.runtime.url);
        const req = request(
          { host: url.hostname, port: url.port, path, method: init.method ?? 'GET', headers: init.headers },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              done({
                status: res.statusCode ?? 0,
                text: async () => text,
                json: async () => JSON.parse(text),
              });
            });
          },
        );
        req.on('error', fail);
        req.end(init.body);
      },
    );

  it('answer only a loopback Host, whatever the route', async () => {
    for (const host of ['evil.example', 'rebind.attacker.test:80', '127.0.0.1.nip.io', '10.0.0.1']) {
      for (const path of ['/_local/outbox.json', '/_local/clock', '/_local/outbox']) {
        await attempt('local routes', async () => {
          const res = await raw(path, { headers: { host } });
          expect(res.status, `${host} ${path}`).toBe(403);
          expect(((await res.json()) as any).error.code).toBe('LOCAL_ROUTE_LOOPBACK_ONLY');
        });
      }
      await attempt('local routes', async () => {
        const res = await raw('/_local/token', {
          method: 'POST',
          headers: { host, 'content-type': 'application/json' },
          body: JSON.stringify({ role: 'operator' }),
        });
        expect(res.status).toBe(403);
        expect(await res.text()).not.toContain('token"');
      });
    }
    for (const host of ['127.0.0.1', 'localhost', '[::1]']) {
      const port = new URL(w.runtime.url).port;
      expect((await raw('/_local/clock', { headers: { host: `${host}:${port}` } })).status).toBe(200);
    }
  });

  it('take writes only as JSON: a cross-site form or text/plain post is refused and changes nothing', async () => {
    const before = (await w.api.get('/_local/clock')).body.now as string;
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      '',
    ]) {
      for (const [path, body] of [
        ['/_local/clock', '{"advanceBy":"P400D"}'],
        ['/_local/token', '{"role":"operator"}'],
      ] as const) {
        await attempt('local routes', async () => {
          const res = await raw(path, {
            method: 'POST',
            headers: type ? { 'content-type': type } : {},
            body,
          });
          expect(res.status, `${type} ${path}`).toBe(415);
          expect(await res.text()).not.toContain('"token"');
        });
      }
    }
    const after = Date.parse((await w.api.get('/_local/clock')).body.now as string);
    expect(after - Date.parse(before)).toBeLessThan(60_000);
  });
});

describe('hostile text', () => {
  const HOSTILE_NAMES = {
    'a line feed': '林小華\n冒名者',
    'a line separator': '林小華\u2028冒名者',
    'a right-to-left override': 'Sara \u202Eevil\u202C Cohen',
    'a right-to-left isolate': '林\u2067小華\u2069',
    'a zero-width space': '林\u200B小華',
    'a zero-width joiner only': '\u200D\u200D',
    'a byte-order mark inside': '林\uFEFF小華',
    'no letter at all': '12345 !!!',
  };

  it('refuses each in a licensee name and organisation, and in a commenter name (400, naming the field)', async () => {
    const proposal = await w.inConsultation();
    for (const [kind, text] of Object.entries(HOSTILE_NAMES)) {
      for (const field of ['name', 'organization'] as const) {
        await attempt('hostile unicode', async () => {
          const licensee = { name: '林小華', email: 'hostile@example.tw', [field]: text };
          const res = await w.api.post('/licenses', {
            datasetId: SEED.datasets.open,
            licensee,
            purpose: 'ACADEMIC',
          });
          expect(res.status, `${kind} in ${field}`).toBe(400);
          expect(res.body.error.details.map((d: any) => d.path)).toContain(`licensee.${field}`);
        });
        await attempt('hostile unicode', async () => {
          const res = await w.api.post(`/fee-proposals/${proposal}/comments`, {
            body: '意見',
            author: { [field]: text },
          });
          expect(res.status, `${kind} in author.${field}`).toBe(400);
          expect(res.body.error.details.map((d: any) => d.path)).toContain(`author.${field}`);
        });
      }
    }
    // Names in any script, with combining marks, still pass.
    for (const name of ['Zoe\u0308 Ma\u0301rquez', 'שרה כהן', '김민준', '𠀋𡈽 林']) {
      const res = await w.api.post('/licenses', {
        datasetId: SEED.datasets.open,
        licensee: { name, email: 'fine@example.tw' },
        purpose: 'ACADEMIC',
      });
      expect(res.status, name).toBe(202);
    }
  });

  it('refuses a proposal title with a line break in either language (it heads mail subjects)', async () => {
    for (const title of [
      { zh: '收費基準\nBcc: everyone@example.tw', en: 'Fee schedule' },
      { zh: '收費基準', en: 'Fee schedule\r\nSubject: urgent' },
      { zh: '收費\u2029基準', en: 'Fee schedule x' },
    ]) {
      await attempt('hostile unicode', async () => {
        const res = await w.api.post(
          '/fee-proposals',
          validProposal({ title, effectiveFrom: '2031-01-01' }),
          w.tokens.owner,
        );
        expect(res.status).toBe(400);
        expect(res.body.error.details.map((d: any) => d.path).join(' ')).toMatch(/title\.(zh|en)/);
      });
    }
  });
});

describe('extensions', () => {
  it('move the closing date at most 180 days past the first one, in one step or several', async () => {
    const id = await w.inConsultation();
    const first = (await w.api.get(`/fee-proposals/${id}`)).body.consultation.closesAt as string;
    const at = (days: number) => new Date(Date.parse(first) + days * 86_400_000).toISOString();
    const extend = (days: number) =>
      w.api.post(
        `/fee-proposals/${id}/consultation/extend`,
        { closesAt: at(days), reason: '延長說明' },
        w.tokens.owner,
      );
    for (const days of [181, 400, 3_000_000 / 86.4]) {
      await attempt('bad input', async () => {
        const res = await extend(days);
        expect(res.status).toBe(422);
        expect(res.body.error.code).toBe('EXTENSION_TOO_LONG');
      });
    }
    expect((await extend(100)).status).toBe(200);
    expect((await extend(180)).status).toBe(200);
    const res = await attempt('bad input', () => extend(181));
    expect(res.status).toBe(422);
    expect((await w.api.get(`/fee-proposals/${id}`)).body.consultation.closesAt).toBe(at(180));
  });
});

describe('every response', () => {
  it('carries nosniff and HSTS: JSON, errors, pages, PDFs and the local routes', async () => {
    const number = await w.ownersCertificate('headers@example.tw');
    const token = await w.certificateToken(number);
    const paths = [
      '/openapi.json',
      '/fee-proposals?status=IN_CONSULTATION',
      '/fee-proposals/unknown-proposal',
      `/certificates/${number}?token=${token}`,
      `/certificates/${number}`,
      `/certificates/${number}/verify?format=html`,
      '/',
      '/_local/outbox.json',
    ];
    for (const path of paths) {
      await attempt('access', async () => {
        const res = await fetch(`${w.runtime.url}${path}`);
        expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
        expect(res.headers.get('strict-transport-security'), path).toMatch(/^max-age=\d{7,}/);
      });
    }
  });
});

describe('a token in both the agency and the operator group', () => {
  it('is refused on agency routes (403 CONFLICTING_ROLES), and acts as nothing there', async () => {
    const both = await w.runtime.issuer.mint({
      role: 'agency',
      agencyId: SEED.subordinate,
      alsoIn: ['operator'],
    });
    const otherBoth = await w.runtime.issuer.mint({
      role: 'agency',
      agencyId: 'rel-other-agency',
      alsoIn: ['operator'],
    });
    for (const token of [both, otherBoth]) {
      await attempt('access', async () => {
        const res = await w.api.post('/fee-proposals', validProposal({ effectiveFrom: '2031-01-01' }), token);
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('CONFLICTING_ROLES');
      });
      await attempt('access', async () => {
        const res = await w.api.get('/agency/fee-proposals', token);
        expect(res.status).toBe(403);
      });
    }
  });
});

describe('the local data folder', () => {
  it('holds files for its user alone: files 0600, folders 0700', async () => {
    await w.comment(await w.inConsultation(), '意見', 'perm@example.tw'); // a mail in the outbox
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? [path, ...walk(path)] : [path];
      });
    const entries = [w.runtime.dataDir, ...walk(w.runtime.dataDir)];
    expect(entries.some((p) => p.endsWith('.eml'))).toBe(true);
    for (const path of entries) {
      const mode = statSync(path).mode & 0o777;
      expect(mode & 0o077, `${path} is ${mode.toString(8)}`).toBe(0);
    }
    tried('local routes', entries.length);
  });
});
