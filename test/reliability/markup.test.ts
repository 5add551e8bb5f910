// Whatever people type reaches pages and PDFs safely: HTML and script in every text field of a
// proposal, a vote, a dataset, an agency and a licensee come out escaped in every page (which
// carry no script and a CSP that allows none); names with combining marks, right-to-left text
// and characters beyond the Basic Multilingual Plane come out escaped in pages and readable in the
// certificate PDF; control characters are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '#local/seed';
import { validProposal } from '../support/fixtures.ts';
import { pdfText, squash } from '../support/pdf-text.ts';
import { attempt } from './support/tally.ts';
import { startWorld } from './support/world.ts';
import type { World } from './support/world.ts';

const MARKUP = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</title><script>alert(document.domain)</script>',
  '<a href="javascript:alert(1)">點我</a>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '{{constructor.constructor("alert(1)")()}}',
] as const;

const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;
const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(() => w?.close());

async function page(path: string) {
  const res = await fetch(`${w.runtime.url}${path}`, { headers: { accept: 'text/html' } });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** The page shows `payload` only as text: never as markup, and no script can run on it. */
function expectInert(p: { headers: Headers; text: string }, payload: string, where: string) {
  expect(p.headers.get('content-type'), where).toMatch(/^text\/html/);
  expect(p.headers.get('content-security-policy'), where).toMatch(/default-src 'none'/);
  expect(p.headers.get('content-security-policy'), where).not.toMatch(/script-src/);
  // Every tag on the page is the template's own: none runs script or loads a frame.
  const tags = p.text.match(/<[^>]*>/g) ?? [];
  for (const tag of tags)
    expect(tag, where).not.toMatch(/^<\/?(script|iframe|svg|object|embed)\b|\son\w+\s*=|javascript:/i);
  expect(p.text, where).not.toContain(payload);
  expect(p.text, where).toContain(escapeHtml(payload).slice(0, 12));
}

describe('HTML and script in every text field', () => {
  for (const [n, payload] of MARKUP.entries()) {
    it(`stays text in the ballot, vote-recorded and gone pages: ${payload}`, async () => {
      const text = (suffix: string) => `${payload} ${suffix}`;
      const id = await w.flow.proposalUnderReview({
        title: { zh: text('標題'), en: text(`title ${n}`) },
        legalBasis: text('法源'),
        justification: {
          publicInterest: text('公益'),
          privacyAndTradeSecrets: text('隱私'),
          costOfProduction: text('成本'),
          rightsHeld: text('權利'),
        },
        items: [
          {
            ...validProposal().items[0],
            name: { zh: text('項目'), en: text('item') },
            exceptionReason: text('例外'),
            costLines: validProposal().items[0]!.costLines.map((line) => ({
              ...line,
              description: text('說明'),
            })),
          },
        ],
      });
      const secret = w.secretOf(await w.flow.ballotLink('convener', id));
      await attempt('bad input', async () =>
        expectInert(await page(`/ballots/${secret}`), payload, 'ballot page'),
      );
      const recorded = await fetch(`${w.runtime.url}/ballots/${secret}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ decision: 'REJECT', reason: text('理由') }).toString(),
      });
      await attempt('bad input', async () =>
        expectInert(
          { headers: recorded.headers, text: await recorded.text() },
          payload,
          'vote recorded page',
        ),
      );
      await attempt('bad input', async () =>
        expectInert(await page(`/ballots/${secret}`), payload, 'gone page'),
      );
    });
  }

  it('stays text in the certificate verification page, from agency, dataset and licensee', async () => {
    for (const [n, payload] of MARKUP.entries()) {
      const agencyId = `rel-markup-${n}`;
      const created = await w.api.post(
        '/agencies',
        { id: agencyId, name: { zh: `${payload} 機關`, en: `${payload} agency` } },
        w.tokens.operator,
      );
      expect(created.status, created.text).toBe(201);
      const token = await w.runtime.issuer.mint({ role: 'agency', agencyId });
      const dataset = await w.api.post(
        '/datasets',
        {
          id: `${agencyId}-data`,
          agencyId,
          title: { zh: `${payload} 資料`, en: `${payload} data` },
          version: `${payload}`.slice(0, 40),
          classification: 'OPEN',
          releaseYear: 2026,
        },
        token,
      );
      expect(dataset.status, dataset.text).toBe(201);
      const license = await w.obtainLicense({
        datasetId: `${agencyId}-data`,
        licensee: { name: `${payload} 林`, email: `markup-${n}@example.tw`, organization: `${payload} 組織` },
        purpose: 'ACADEMIC',
      });
      expect(license.status, license.text).toBe(200);
      await attempt('bad input', async () =>
        expectInert(
          await page(pathOf(license.body.certificate.verifyUrl)),
          payload,
          'certificate verification page',
        ),
      );
    }
  });
});

describe('names at the edges of Unicode', () => {
  /**
   * Scripts a name may be written in: each name must read back from the certificate PDF as typed (NFC).
   * Noto Sans Hant draws the first two; the fallback fonts (templates/pdf/font-files.ts) the rest.
   */
  const DRAWN = {
    'combining marks': 'Zoe\u0308 Ma\u0301rquez',
    'kana and CJK': 'やまだ 林小華',
    Hebrew: 'שרה כהן',
    Arabic: 'مريم العلي',
    'CJK Extension B (found in Taiwanese names)': '𠀋𡈽 林',
    'mathematical letters': '𝐀𝐝𝐚',
    Hangul: '김민준',
    'Extension B, Hebrew and Hangul in one name': '𡈽𠀋 שלום 김민',
  } as const;
  // A right-to-left override around Latin ('Sara \u202Eevil\u202C Cohen') is refused outright:
  // see hostile-text.test.ts.

  async function certificateFor(name: string, kind: string) {
    const res = await w.obtainLicense({
      datasetId: SEED.datasets.open,
      licensee: { name, email: `${kind.replace(/\W+/g, '-')}@example.tw` },
      purpose: 'ACADEMIC',
    });
    expect(res.status, res.text).toBe(200);
    return res.body.certificate as { number: string; pdfUrl: string; verifyUrl: string };
  }

  async function expectReadableInPdf(certificate: { pdfUrl: string }, name: string) {
    const pdf = new Uint8Array(
      await (await fetch(`${w.runtime.url}${pathOf(certificate.pdfUrl)}`)).arrayBuffer(),
    );
    // Bidirectional controls steer layout and are not drawn; every letter is.
    const visible = name.normalize('NFC').replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
    expect(squash(await pdfText(pdf))).toContain(squash(visible));
  }

  for (const [kind, name] of Object.entries(DRAWN)) {
    it(`${kind}: the name is escaped in the verification page and readable in the certificate PDF`, async () => {
      const certificate = await certificateFor(name, kind);
      await attempt('bad input', async () => {
        const p = await page(pathOf(certificate.verifyUrl));
        expect(p.status).toBe(200);
        expect(p.text.normalize('NFC')).toContain(escapeHtml(name.normalize('NFC')));
      });
      await attempt('bad input', () => expectReadableInPdf(certificate, name));
    });
  }

  it('refuses control characters in a name (400, naming the field)', async () => {
    for (const control of ['\u0000', '\u0007', '\u001B[31m', '\u007F', '\u0085', '\r']) {
      await attempt('bad input', async () => {
        const res = await w.api.post('/licenses', {
          datasetId: SEED.datasets.open,
          licensee: { name: `林${control}小華`, email: 'control@example.tw' },
          purpose: 'ACADEMIC',
        });
        expect(res.status).toBe(400);
        expect(res.body.error.details.map((d: any) => d.path)).toContain('licensee.name');
      });
    }
  });
});
