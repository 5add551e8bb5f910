// Part 6 (child process): the consultation report at the size a round may reach, and the pages of
// the consultation with that many comments (against a round of 10, the parent's baseline run). The local runtime
// runs in this process (DynamoDB in memory); a proposal in consultation gets `count` answered
// comments through the repository, then the deadline closes the consultation and the workflow
// publishes the report. Measured: the p50 of the consultation page and of the first JSON page of comments while the
// consultation is open, the wall time from the deadline to the published report, the
// process's peak RSS before and after, and the PDF's bytes and pages. `short` comments are one line;
// `long` ones are as long as a comment may be (COMMENT_LIMITS: 5,000 characters in 60 lines).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { COMMENT_LIMITS } from '#domain/consultation';
import { startLocalRuntime } from '#local/runtime';
import { SEED } from '#local/seed';
import { validProposal } from '../test/support/fixtures.ts';
import { seedComments } from '../test/support/seed-comments.ts';
import { reply } from './child.ts';
import { summarize } from './stats.ts';
import type { ReportScaleKind, ReportScaleResult } from './report-scale-kinds.ts';

const [kind, countArg] = process.argv.slice(2) as [ReportScaleKind, string];
const count = Number(countArg);
// 84 characters: 60 of these lines pass 5,000 characters, so a long comment is cut at exactly the limit.
const line = '本收費基準之人工成本與重製成本應分別列示，並說明每筆資料之計算方式及其法令依據。'.repeat(2);
const longBody = Array.from({ length: COMMENT_LIMITS.bodyLines }, () => line)
  .join('\n')
  .slice(0, COMMENT_LIMITS.bodyChars);
const body = (i: number) =>
  kind === 'long'
    ? `${i + 1}. ${longBody}`.slice(0, COMMENT_LIMITS.bodyChars)
    : `第 ${i + 1} 則意見：請說明成本。`;

const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-report-'));
process.env.LOG_LEVEL ??= 'error';
const runtime = await startLocalRuntime({ port: 0, inMemory: true, dataDir, fresh: true });
const agency = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
const call = async (method: string, route: string, payload?: unknown) => {
  const res = await fetch(`${runtime.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${agency}`, 'content-type': 'application/json' },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
  return res.json() as Promise<{ id: string; status: string; consultation: { opensAt: string } }>;
};
const { id } = await call('POST', '/fee-proposals', validProposal());
await call('POST', `/fee-proposals/${id}/submit`, {});
const { opensAt } = (await call('GET', `/fee-proposals/${id}`)).consultation;

let start = performance.now();
await seedComments(count, {
  proposalId: id,
  receivedAt: opensAt,
  body,
  disposition: (i) => ({
    disposition: i % 2 === 0 ? 'ADOPTED' : 'NOT_ADOPTED',
    reply: kind === 'long' ? longBody : '已說明收費係回收人工成本。',
    answeredAt: opensAt,
    answeredBy: 'bench',
  }),
});
const seedMs = performance.now() - start;

// The consultation's pages while it is open, with every comment stored: each shows one page of them
// (pagination), so at 10,000 comments they should cost what they cost at 10.
const PAGE_REQUESTS = 40;
const PAGE_WARMUP = 10;
async function pageP50(route: string, accept: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < PAGE_WARMUP + PAGE_REQUESTS; i++) {
    const started = performance.now();
    const res = await fetch(`${runtime.url}${route}`, { headers: { accept } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${route} answered ${res.status}`);
    if (i >= PAGE_WARMUP) times.push(performance.now() - started);
  }
  return summarize(times).p50;
}
const commentPageP50Ms = await pageP50(`/consultations/${id}`, 'text/html');
const commentsJsonP50Ms = await pageP50(`/fee-proposals/${id}/comments`, 'application/json');
const rssBeforeMb = process.resourceUsage().maxRSS / 1024;

start = performance.now();
runtime.clock.advanceBy(61 * 24 * 3600 * 1000);
for (let attempt = 0; ; attempt += 1) {
  try {
    await runtime.settle();
    break;
  } catch (error) {
    if (attempt === 60 || !String(error).includes('still busy')) throw error;
  }
}
const publishMs = performance.now() - start;
const peakRssMb = process.resourceUsage().maxRSS / 1024;

const { status } = await call('GET', `/fee-proposals/${id}`);
if (status !== 'UNDER_REVIEW') throw new Error(`the report was not published: ${status}`);
const pdf = Buffer.from(
  await (await fetch(`${runtime.url}/fee-proposals/${id}/consultation-report?format=pdf`)).arrayBuffer(),
);
await runtime.close();
rmSync(dataDir, { recursive: true, force: true });
reply({
  kind,
  comments: count,
  commentChars: body(0).length,
  seedMs: Math.round(seedMs),
  commentPageP50Ms,
  commentsJsonP50Ms,
  publishMs: Math.round(publishMs),
  rssBeforeMb: Math.round(rssBeforeMb),
  peakRssMb: Math.round(peakRssMb),
  pdfBytes: pdf.length,
  // pdfkit writes every page dictionary uncompressed: `/Type /Page` once per page.
  pdfPages: pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0,
} satisfies ReportScaleResult);
