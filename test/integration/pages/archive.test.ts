// The proposal archive: every public proposal once, newest first, across pages; filters by status
// and year, search by text, agency and dataset; the Atom feed of consultations and decisions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeeProposalInputSchema, type ProposalStatus } from '#domain/fee-proposal';
import { proposalRepository } from '#ports/proposal-repository';
import { startTestRuntime } from '../../support/runtime.ts';
import { validProposal } from '../../support/fixtures.ts';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';

let runtime: LocalRuntime;

const STATUSES: ProposalStatus[] = ['IN_CONSULTATION', 'REJECTED', 'WITHDRAWN', 'CHANGES_REQUESTED'];
/** 46 public proposals (more than two pages), closing one day apart from 2025-12-10 on, and a draft. */
const stored: { id: string; status: ProposalStatus; closesAt: string }[] = [];

beforeAll(async () => {
  runtime = await startTestRuntime();
  const input = FeeProposalInputSchema.parse(validProposal());
  for (let i = 0; i < 47; i++) {
    const closesAt = new Date(Date.UTC(2025, 11, 10 + i, 4)).toISOString();
    const status: ProposalStatus = i === 46 ? 'DRAFT' : STATUSES[i % STATUSES.length]!;
    const id = `fp-archive-${String(i).padStart(2, '0')}`;
    await proposalRepository.create({
      ...input,
      title: { zh: `第${i}號收費基準`, en: `Schedule number ${i}` },
      ...(i === 7 ? { title: { zh: '水文觀測資料收費基準', en: 'Hydrological data fee schedule' } } : {}),
      ...(i === 8 ? { datasetIds: [SEED.datasets.open] } : {}),
      id,
      status,
      version: 1,
      createdAt: '2025-11-01T00:00:00.000Z',
      updatedAt: '2025-11-01T00:00:00.000Z',
      consultation: {
        round: 1,
        opensAt: new Date(Date.parse(closesAt) - 30 * 86_400_000).toISOString(),
        closesAt,
        days: 30,
        extensions: [],
      },
      ...(status === 'REJECTED'
        ? {
            decision: {
              version: 1,
              outcome: 'REJECTED',
              tallyOutcome: 'REJECTED',
              tally: {
                seats: 5,
                recused: 0,
                cast: 5,
                quorum: 3,
                quorumMet: true,
                counts: { APPROVE: 1, REJECT: 4, REQUEST_CHANGES: 0 },
              },
              positions: [],
              decidedAt: new Date(Date.parse(closesAt) + 86_400_000).toISOString(),
              itemsReviewed: [],
            },
          }
        : {}),
    });
    if (status !== 'DRAFT') stored.push({ id, status, closesAt });
  }
  stored.reverse(); // newest first, as the archive lists them
});
afterAll(async () => runtime?.close());

async function archive(query: string) {
  const res = await fetch(new URL(`/archive${query}`, runtime.url), { headers: { accept: 'text/html' } });
  const html = await res.text();
  const ids = [...html.matchAll(/<h3><a href="\/consultations\/(fp-archive-\d+)">/g)].map((m) => m[1]!);
  const next = /<a class="button secondary" href="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
  return { status: res.status, html, ids, next };
}

/** Every page from the first, following "next page". */
async function allPages(query: string) {
  const pages: string[][] = [];
  let url: string | undefined = `/archive${query}`;
  while (url && pages.length < 10) {
    const page = await archive(url.slice('/archive'.length));
    expect(page.status).toBe(200);
    pages.push(page.ids);
    url = page.next;
  }
  return pages;
}

describe('the proposal archive', () => {
  it('lists every public proposal once, newest first, a page of 20 at a time, and never a draft', async () => {
    const pages = await allPages('');
    const seen = pages.flat().filter((id) => id.startsWith('fp-archive-'));
    expect(pages[0]).toHaveLength(20);
    expect(seen).toEqual(stored.map((s) => s.id));
    expect(seen).not.toContain('fp-archive-46');
  });

  it('filters by status and by year in Taipei time', async () => {
    const rejected = (await allPages('?status=REJECTED')).flat();
    const in2025 = (await allPages('?year=2025')).flat();
    expect(rejected).toEqual(stored.filter((s) => s.status === 'REJECTED').map((s) => s.id));
    // 2025-12-10 … 2025-12-31 close in 2025 in Taipei: the first 22.
    expect(in2025).toEqual(stored.filter((s) => s.closesAt < '2025-12-31T16:00').map((s) => s.id));
    expect(in2025).toHaveLength(22);
  });

  it('searches the title in either language, the agency and the dataset', async () => {
    expect((await allPages('?q=%E6%B0%B4%E6%96%87')).flat()).toEqual(['fp-archive-07']);
    expect((await allPages('?q=hydrological')).flat()).toEqual(['fp-archive-07']);
    expect((await allPages(`?datasetId=${SEED.datasets.open}`)).flat()).toEqual(['fp-archive-08']);
    expect((await allPages(`?agencyId=${SEED.ministry}`)).flat()).toEqual([]);
    expect((await allPages(`?agencyId=${SEED.subordinate}&status=WITHDRAWN&year=`)).flat()).toHaveLength(11);
  });

  it('refuses a cursor it did not give and a year that is not one, naming the field', async () => {
    const cursor = await fetch(new URL('/archive?cursor=not-a-cursor', runtime.url));
    const year = await fetch(new URL('/archive?year=twenty', runtime.url));
    expect(cursor.status).toBe(400);
    expect(((await cursor.json()) as any).error.details[0].path).toBe('query.cursor');
    expect(year.status).toBe(400);
    expect(((await year.json()) as any).error.details[0].path).toBe('query.year');
  });

  it('is linked from the home page with the feed', async () => {
    const home = await (await fetch(new URL('/', runtime.url), { headers: { accept: 'text/html' } })).text();
    expect(home).toContain('href="/archive"');
    expect(home).toContain('href="/feed.atom"');
  });
});

describe('the Atom feed', () => {
  it('has an entry for each consultation and each decision, newest first, linking their pages', async () => {
    const res = await fetch(new URL('/feed.atom', runtime.url));
    const xml = await res.text();
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/,
    );
    const updated = [...xml.matchAll(/<entry>[\s\S]*?<updated>([^<]+)<\/updated>/g)].map((m) => m[1]!);
    expect(updated).toEqual([...updated].sort().reverse());
    expect(xml).toContain(
      `<link rel="alternate" type="text/html" href="${runtime.url}/consultations/fp-archive-45/decision"/>`,
    );
    expect(xml).toContain('審議結果：第45號收費基準');
    expect(xml).toContain('公開徵詢：第44號收費基準');
    expect(xml).not.toContain('fp-archive-46');
    const english = await (await fetch(new URL('/feed.atom?lang=en', runtime.url))).text();
    expect(english).toContain('<title>Decision: Schedule number 45</title>');
  });
});
