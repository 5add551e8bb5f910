/**
 * `npm run demo`: the whole story on a fresh local stack, told one line per step. Everything after
 * the start goes through HTTP as people and agencies would: the agency's clerk signed in to the
 * workspace (the local provider's sign-in) and working from its forms, from filing the proposal in
 * the editor on, links taken from the mails in the outbox, forms posted as a browser posts them, time
 * moved with /_local/clock. The agency holds no bearer token: its every step is a workspace form.
 *
 *   npm run demo                 tells the story and exits
 *   npm run demo -- --serve      tells it, then keeps serving the pages until Ctrl-C
 *
 * Data goes to `.local/demo` (DEMO_DIR to change it), emptied first; the PDFs stay there afterwards.
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { simpleParser } from 'mailparser';
import { taipeiDate, taipeiDayStart } from '#domain/taipei-time';
import { startLocalRuntime, type LocalRuntime } from './runtime.ts';
import { SEED } from './seed.ts';
import { signInAs } from './workspace-client.ts';

const DAY = 86_400_000;

export interface DemoOptions {
  dataDir?: string;
  /** HTTP port; 0 (the default) picks a free one. */
  port?: number;
  /** Where each line of the story goes (default: stdout). */
  say?: (line: string) => void;
}

export interface DemoOutcome {
  runtime: LocalRuntime;
  proposalId: string;
  proposalStatus: string;
  outcome: string;
  /** Ballot links used, by member id, and the one left unused (410 once the result was certain). */
  ballots: Record<string, string>;
  certificates: { open: DemoCertificate; paid: DemoCertificate };
  pages: { label: string; url: string }[];
  pdfs: string[];
}

export interface DemoCertificate {
  number: string;
  status: string;
  signatureValid: boolean;
  copyMatches: boolean;
  amountTwd: number;
}

class DemoStepFailed extends Error {}

/** Runs the story on a fresh runtime and returns it still running; the caller closes it. */
export async function runDemo(options: DemoOptions = {}): Promise<DemoOutcome> {
  const say = options.say ?? ((line: string) => console.log(line));
  const dataDir = resolve(options.dataDir ?? '.local/demo');
  const runtime = await startLocalRuntime({ dataDir, fresh: true, port: options.port ?? 0 });
  try {
    return await tellStory(runtime, say);
  } catch (error) {
    await runtime.close();
    throw error;
  }
}

async function tellStory(runtime: LocalRuntime, say: (line: string) => void): Promise<DemoOutcome> {
  const base = runtime.url;
  let step = 0;
  const tell = (text: string) => say(`${String(++step).padStart(2, ' ')}. ${text}`);

  async function call(method: string, path: string, body?: unknown, form?: Record<string, string>) {
    const headers: Record<string, string> = {};
    let payload: string | undefined;
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = new URLSearchParams(form).toString();
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(path.startsWith('http') ? path : `${base}${path}`, {
      method,
      headers,
      body: payload,
      redirect: 'manual',
    });
    const text = await res.text();
    const json =
      (res.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : undefined;
    return { status: res.status, json, text, headers: res.headers };
  }
  async function expectStatus(what: string, expected: number, res: Awaited<ReturnType<typeof call>>) {
    if (res.status !== expected) {
      throw new DemoStepFailed(
        `${what}: expected HTTP ${expected}, got ${res.status}: ${res.text.slice(0, 300)}`,
      );
    }
    return res;
  }
  const clockNow = async () => new Date((await call('GET', '/_local/clock')).json.now as string);
  const advance = async (advanceBy: string) =>
    expectStatus(
      `advance the clock by ${advanceBy}`,
      200,
      await call('POST', '/_local/clock', { advanceBy }),
    );
  const status = async (id: string) => (await call('GET', `/fee-proposals/${id}`)).json.status as string;

  /** Links in the mails to one address, oldest mail first. */
  async function linksMailedTo(address: string, containing: string): Promise<string[]> {
    const entries = ((await call('GET', '/_local/outbox.json')).json as { id: string; to: string[] }[])
      .filter((e) => e.to.includes(address))
      .reverse();
    const links: string[] = [];
    for (const entry of entries) {
      const raw = await fetch(`${base}/_local/outbox/${encodeURIComponent(entry.id)}`);
      const mail = await simpleParser(Buffer.from(await raw.arrayBuffer()));
      for (const m of (mail.text ?? '').matchAll(/https?:\/\/[^\s)>"]+/g)) {
        if (m[0].includes(containing)) links.push(m[0]);
      }
    }
    return links;
  }

  // 1. The registry.
  const agencies = (await call('GET', '/agencies')).json.items as { id: string; name: { zh: string } }[];
  tell(
    `Seeded a fresh registry: ${agencies.map((a) => `${a.name.zh} (${a.id})`).join(', ')}; the ministry's advisory group of 7; ` +
      `datasets ${SEED.datasets.open} (OPEN), ${SEED.datasets.onApplication} (ON_APPLICATION), ${SEED.datasets.notProvided} (NOT_PROVIDED).`,
  );

  // 2. The agency's clerk signs in to the workspace, drafts the proposal in the editor and submits it
  // from its check-your-answers page. Weeks pass between the clerk's visits, and a session lasts
  // hours: each visit signs in again.
  let clerk = (await signInAs(base, 'nlsc-clerk')).client;
  const desk = async (what: string, path: string, form: Record<string, string>) => {
    let res = await clerk.post(path, form);
    if (res.status === 401) {
      clerk = (await signInAs(base, 'nlsc-clerk')).client;
      res = await clerk.post(path, form);
    }
    if (res.status !== 303)
      throw new DemoStepFailed(`${what}: expected HTTP 303, got ${res.status}: ${res.text.slice(0, 300)}`);
    return res.location ?? '';
  };
  const now = await clockNow();
  const effectiveFrom = new Date(now.getTime() + 120 * DAY).toISOString().slice(0, 10);
  const check = await desk('draft the proposal in the editor', '/agency/proposals/new', {
    ...proposalForm(effectiveFrom),
    action: 'check',
  });
  const id = /^\/agency\/proposals\/([^/]+)\/check$/.exec(check)?.[1];
  if (!id) throw new DemoStepFailed(`the editor's save led to ${check}, not to check your answers`);
  await desk('submit it from check your answers', `/agency/proposals/${id}/check`, {});
  const closesAt = (await call('GET', `/fee-proposals/${id}`)).json.consultation.closesAt;
  tell(
    `${SEED.subordinate}'s clerk, signed in to the workspace, drafted fee proposal ${id} in the editor (2 fee items with their cost lines, ` +
      `50% off for academic and public-interest use, payment by bank transfer or at the counter, effective ${effectiveFrom}) ` +
      `and submitted it from check your answers: IN_CONSULTATION until ${closesAt}.`,
  );

  // 3. Public comments, from the proposal page's form as a browser sends it.
  const comment = async (form: Record<string, string>) => {
    const res = await expectStatus(
      'comment from the form',
      303,
      await call('POST', `/fee-proposals/${id}/comments`, undefined, form),
    );
    return res.headers.get('location') ?? '';
  };
  await comment({
    body: '每幅 200 元對學術研究者負擔偏高，建議提高學術用途減收比率。',
    itemId: 'sheet',
    'author.name': '張小明',
    'author.organization': '臺灣開放資料協會',
    'author.email': 'ming@opendata.example.tw',
  });
  await comment({
    body: '請說明客製化擷取的人工時數如何估算。',
    itemId: 'custom-extract',
    'author.name': '李佳穎',
  });
  await comment({ body: '支持依成本收費，但請公開每年收費總額。' });
  const [verifyLink] = await linksMailedTo('ming@opendata.example.tw', '/comment-verifications/');
  if (!verifyLink) throw new DemoStepFailed('no confirmation link was mailed to the commenter');
  await expectStatus('open the confirmation link', 200, await call('GET', verifyLink));
  await expectStatus('confirm the e-mail', 200, await call('POST', verifyLink, undefined, {}));
  tell(
    'Three people commented through the proposal page’s form; one confirmed her e-mail from the link mailed to her.',
  );

  // 4. The agency answers every comment.
  const comments = (await call('GET', `/fee-proposals/${id}/comments`)).json.items as {
    id: string;
    itemId: string | null;
  }[];
  const replies: Record<string, { disposition: string; reply: string }> = {
    sheet: { disposition: 'PARTLY_ADOPTED', reply: '學術用途已減收 50%；將於施行一年後檢討減收比率。' },
    'custom-extract': {
      disposition: 'ADOPTED',
      reply: '已於成本說明補充：每次擷取平均 3 小時，時薪依本中心人事費標準。',
    },
  };
  for (const c of comments) {
    const answer = replies[c.itemId ?? ''] ?? {
      disposition: 'NOT_ADOPTED',
      reply: '收費總額將併同年度決算公開，不另行公告。',
    };
    await desk(
      'answer a comment on the consultation desk',
      `/agency/consultations/${id}/comments/${c.id}`,
      answer,
    );
  }
  tell(
    `${SEED.subordinate}'s clerk answered all ${comments.length} comments on the consultation desk (partly adopted, adopted, not adopted).`,
  );

  // 5. The consultation closes; the report is published and the vote opens.
  await advance('P61D');
  const underReview = (await call('GET', `/fee-proposals/${id}`)).json;
  if (underReview.status !== 'UNDER_REVIEW')
    throw new DemoStepFailed(`expected UNDER_REVIEW, got ${underReview.status}`);
  tell(
    `Clock moved 61 days: consultation closed, consultation report published, the vote opened (deadline ${underReview.review.deadline}); ` +
      'each member was mailed a personal ballot link.',
  );

  // 6. The members vote from the links in their mails, as a browser posts the ballot form.
  const votes: [member: string, decision: string, reason: string][] = [
    ['industry-1', 'RECUSE', '本人任職之公司為地籍圖主要申請者，利益迴避。'],
    ['convener', 'APPROVE', ''],
    ['agency-rep', 'APPROVE', ''],
    ['civil-2', 'REQUEST_CHANGES', '建議公益用途減收提高至 80%。'],
    ['civil-1', 'APPROVE', '成本依據完整。'],
    ['scholar-1', 'APPROVE', ''],
  ];
  const ballots: Record<string, string> = {};
  for (const [member, decision, reason] of votes) {
    const link = (await linksMailedTo(`${member}@advisory.example.tw`, '/ballots/')).at(-1);
    if (!link) throw new DemoStepFailed(`no ballot link was mailed to ${member}`);
    ballots[member] = link;
    await expectStatus(`${member} opens the ballot`, 200, await call('GET', link));
    await expectStatus(`${member} votes`, 200, await call('POST', link, undefined, { decision, reason }));
  }
  const late = (await linksMailedTo('scholar-2@advisory.example.tw', '/ballots/')).at(-1)!;
  ballots['scholar-2'] = late;
  await advance('PT1S');
  const decision = (await call('GET', `/fee-proposals/${id}/decision`)).json;
  const lateStatus = (await call('GET', late)).status;
  tell(
    'Members voted from their mailed links: industry-1 recused, 4 approved, civil-2 requested changes; ' +
      `with 4 of 6 seats approving the result was certain, so scholar-2's link now answers ${lateStatus}.`,
  );
  tell(
    `Decision: ${decision.outcome} (${decision.tally.counts.APPROVE} approve, ${decision.tally.counts.REQUEST_CHANGES} request changes, ` +
      `${decision.tally.recused} recused; quorum ${decision.tally.quorum} of ${decision.tally.seats} seats met). Status ${await status(id)}.`,
  );

  // 6b. The group only recommends: under 規費法 §10 the agency records the fee authority's consent,
  // the filing with the representative body and the announcement, in that order.
  const today = taipeiDate(await clockNow());
  for (const [step, reference, url] of [
    ['FEE_AUTHORITY_CONSENT', '財政部台財稅字第 11400000010 號'],
    ['COUNCIL_FILING', '立法院議字第 1140000200 號'],
    ['ANNOUNCEMENT', '內授測字第 1140000300 號', 'https://gazette.nat.gov.tw/egFront/detail.do?metaid=demo'],
  ] as const) {
    await desk(`record ${step} from the proposal's page`, `/agency/proposals/${id}/steps`, {
      step,
      date: today,
      reference,
      ...(url ? { url } : {}),
    });
  }
  tell(
    `${SEED.subordinate}'s clerk recorded the steps of 規費法 §10 on ${today} from the proposal's page (the fee authority's consent, the filing with the ` +
      `representative body, the announcement): ${await status(id)}.`,
  );

  // 7. The schedule takes effect on its date (00:00 Taipei time).
  await expectStatus(
    'move to the effective date',
    200,
    await call('POST', '/_local/clock', {
      set: new Date(taipeiDayStart(effectiveFrom).getTime() + 60_000).toISOString(),
    }),
  );
  const proposalStatus = await status(id);
  const dataset = (await call('GET', `/datasets/${SEED.datasets.onApplication}`)).json;
  tell(
    `Clock moved to ${effectiveFrom}: the schedule is ${proposalStatus}; ${dataset.id} has it in force (${dataset.feeSchedules?.inForce?.status}).`,
  );

  // 8. An OGDL certificate for open data, from the license form.
  const licensee = {
    'licensee.name': '林小華',
    'licensee.email': 'hua@example.tw',
    'licensee.organization': '臺灣地理資訊學會',
  };
  const requested = await expectStatus(
    'request an OGDL license',
    303,
    await call('POST', '/licenses', undefined, {
      datasetId: SEED.datasets.open,
      ...licensee,
      purpose: 'COMMERCIAL',
    }),
  );
  const licensePage = `${base}${requested.headers.get('location') ?? ''}`;
  await expectStatus(
    'open the license page (it asks to check the mail)',
    200,
    await call('GET', licensePage),
  );
  const [confirmLink] = await linksMailedTo('hua@example.tw', '/license-confirmations/');
  if (!confirmLink) throw new DemoStepFailed('no confirmation link was mailed to the licensee');
  await expectStatus('open the confirmation link', 200, await call('GET', confirmLink));
  await expectStatus('confirm the address', 303, await call('POST', confirmLink, undefined, {}));
  const openPage = await expectStatus('open the license page', 200, await call('GET', licensePage));
  const openNumber = /OGDL-\d{4}-\d{6}/.exec(openPage.text)?.[0];
  const openPdf = /href="([^"]*\/certificates\/OGDL-[^"/]*\?token=[^"]*)"/.exec(openPage.text)?.[1];
  if (!openNumber || !openPdf)
    throw new DemoStepFailed('the license page shows no certificate number and PDF link');
  tell(
    `林小華 asked for ${SEED.datasets.open} (OPEN) on the license page and confirmed the address from the mailed link: OGDL certificate ${openNumber} issued.`,
  );

  // 9. A paid certificate under the schedule now in force.
  await expectStatus(
    'request a license on application',
    202,
    await call('POST', '/licenses', {
      datasetId: SEED.datasets.onApplication,
      licensee: { name: '吳研究', email: 'wu@univ.example.tw', organization: '國立臺灣大學地理系' },
      purpose: 'ACADEMIC',
      items: [{ itemId: 'sheet', quantity: 3 }],
    }),
  );
  const [quoteLink] = await linksMailedTo('wu@univ.example.tw', '/license-confirmations/');
  if (!quoteLink) throw new DemoStepFailed('no confirmation link was mailed to the licensee');
  const quoted = await expectStatus('confirm the address', 200, await call('POST', quoteLink, {}));
  const quote = quoted.json.quote as { subtotalTwd: number; reductionPercent: number; totalTwd: number };
  tell(
    `吳研究 asked for 3 sheets of ${SEED.datasets.onApplication} (ON_APPLICATION) for academic research: quoted 3 × NT$200 = NT$${quote.subtotalTwd} − ${quote.reductionPercent}% = NT$${quote.totalTwd}.`,
  );
  const paidAt = await desk(
    'confirm the payment on the licenses desk',
    `/agency/licensing/${quoted.json.id}/payment`,
    {
      amountTwd: String(quote.totalTwd),
      reference: 'RCPT-2026-0042',
    },
  );
  const paidNumber = new URL(paidAt, base).searchParams.get('paid');
  // The licensee's license page now shows the certificate, with its PDF and verify links.
  const paidPage = await expectStatus(
    'open the paid license page',
    200,
    await call('GET', `/licenses/${quoted.json.id}`),
  );
  const paidPdf = /href="([^"]*\/certificates\/APL-[^"/]*\?token=[^"]*)"/.exec(paidPage.text)?.[1];
  const paidVerify = /href="([^"]*\/certificates\/APL-[^"/]*\/verify\?token=[^"]*)"/.exec(paidPage.text)?.[1];
  if (!paidNumber || !paidPdf || !paidVerify)
    throw new DemoStepFailed('the paid license page shows no certificate number, PDF and verify link');
  tell(
    `${SEED.subordinate}'s clerk confirmed the payment of NT$${quote.totalTwd} on the licenses desk: certificate ${paidNumber} issued.`,
  );

  // 10. Anyone verifies both, with the PDF they were given.
  const verify = async (number: string, pdfUrl: string, amountTwd: number): Promise<DemoCertificate> => {
    const pdf = Buffer.from(await (await fetch(pdfUrl.replace(/&amp;/g, '&'))).arrayBuffer());
    const { createHash } = await import('node:crypto');
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const result = (await call('GET', `/certificates/${number}/verify?sha256=${sha256}`)).json;
    return {
      number,
      status: result.status,
      signatureValid: result.signatureValid,
      copyMatches: result.sha256Matches === true,
      amountTwd,
    };
  };
  const absolute = (url: string) => (url.startsWith('http') ? url : `${base}${url}`);
  const certificates = {
    open: await verify(openNumber, absolute(openPdf), 0),
    paid: await verify(paidNumber, absolute(paidPdf), quote.totalTwd),
  };
  for (const c of [certificates.open, certificates.paid]) {
    tell(
      `Verified ${c.number}: ${c.status}, signature ${c.signatureValid ? 'valid' : 'INVALID'}, downloaded PDF ${c.copyMatches ? 'matches' : 'DOES NOT MATCH'} the issued one.`,
    );
  }

  const pages = [
    { label: 'Home', url: `${base}/` },
    { label: 'Proposal page', url: `${base}/consultations/${id}` },
    { label: 'A used ballot link', url: ballots['convener']! },
    { label: 'Decision record (PDF)', url: `${base}/fee-proposals/${id}/decision?format=pdf` },
    { label: 'License request page', url: `${base}/licenses/new?datasetId=${SEED.datasets.open}` },
    { label: 'License page (certificate)', url: licensePage },
    { label: `Verify ${openNumber}`, url: `${base}/certificates/${openNumber}/verify?format=html` },
    {
      label: `Verify ${paidNumber} (its QR link)`,
      url: `${absolute(paidVerify).replace(/&amp;/g, '&')}&format=html`,
    },
    { label: 'Outbox', url: `${base}/_local/outbox` },
  ];
  return {
    runtime,
    proposalId: id,
    proposalStatus,
    outcome: decision.outcome,
    ballots,
    certificates,
    pages,
    pdfs: pdfsUnder(join(runtime.dataDir, 'blobs')),
  };
}

function pdfsUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.pdf'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * A fee schedule for digital cadastral maps with two items, each with its cost basis, as the clerk
 * fills in the editor's form (fields named by the body's dotted paths; the item ids travel hidden).
 */
function proposalForm(effectiveFrom: string): Record<string, string> {
  return {
    'title.zh': '數值地籍圖收費基準',
    'title.en': 'Fee schedule for digital cadastral maps',
    [`datasetIds.${SEED.datasets.onApplication}`]: 'on',
    'justification.publicInterest':
      '客製化圖檔需人工裁切與轉檔，收費以回收成本為限，並對學術及公益用途減收。',
    'justification.privacyAndTradeSecrets': '圖檔不含個人資料；權利人資料另依個人資料保護法不予提供。',
    'justification.costOfProduction': '每幅圖需約半小時人工處理；客製化擷取平均每次 3 小時。',
    'justification.rightsHeld': '本中心擁有完整著作財產權。',
    legalBasis: '規費法第 10 條；政府資料開放授權條款第 1 版',
    explanationUrl: 'https://www.nlsc.gov.tw/fees',
    effectiveFrom,
    'items.0.id': 'sheet',
    'items.0.name.zh': '地籍圖數值檔（每幅）',
    'items.0.name.en': 'Cadastral map file (per sheet)',
    'items.0.unit': 'PER_FILE',
    'items.0.amountTwd': '200',
    'items.0.exceptionReason':
      '每幅圖皆依申請人需求以人工裁切轉檔。 Each sheet is clipped and converted by hand for the applicant.',
    'items.0.maxQuantity': '500',
    'items.0.costLines.0.category': 'PERSONNEL',
    'items.0.costLines.0.description': '裁切與轉檔 Clipping and conversion',
    'items.0.costLines.0.quantity': '0.5',
    'items.0.costLines.0.unitCostTwd': '400',
    'items.0.costLines.1.category': 'MEDIA',
    'items.0.costLines.1.description': '儲存與傳輸 Storage and transfer',
    'items.0.costLines.1.quantity': '1',
    'items.0.costLines.1.unitCostTwd': '20',
    'items.1.id': 'custom-extract',
    'items.1.name.zh': '客製化範圍擷取（每次）',
    'items.1.name.en': 'Custom area extract (per request)',
    'items.1.unit': 'PER_REQUEST',
    'items.1.amountTwd': '1500',
    'items.1.exceptionReason':
      '範圍擷取須由測量人員逐案處理。 Each extract is prepared case by case by a surveyor.',
    'items.1.costLines.0.category': 'PERSONNEL',
    'items.1.costLines.0.description': '人工擷取與檢核 Extraction and checking',
    'items.1.costLines.0.quantity': '3',
    'items.1.costLines.0.unitCostTwd': '450',
    'items.1.costLines.1.category': 'PROCESSING',
    'items.1.costLines.1.description': '格式轉換 Format conversion',
    'items.1.costLines.1.quantity': '1',
    'items.1.costLines.1.unitCostTwd': '150',
    'reductions.ACADEMIC': '50',
    'reductions.PUBLIC_INTEREST': '50',
    'paymentInstructions.payee.zh': '內政部國土測繪中心',
    'paymentInstructions.payee.en': 'National Land Surveying and Mapping Center',
    'paymentInstructions.methods.0.method': 'BANK_TRANSFER',
    'paymentInstructions.methods.0.details.zh':
      '臺灣銀行黎明分行，戶名：內政部國土測繪中心，帳號 000-000-000000（示範）',
    'paymentInstructions.methods.0.details.en':
      'Bank of Taiwan, Liming branch; account name: National Land Surveying and Mapping Center; account 000-000-000000 (demo)',
    'paymentInstructions.methods.1.method': 'COUNTER',
    'paymentInstructions.methods.1.details.zh':
      '臺中市南屯區黎明路二段 497 號 1 樓服務台，週一至週五 8:30–17:30',
    'paymentInstructions.methods.1.details.en':
      'Service desk, 1F, No. 497, Sec. 2, Liming Rd., Nantun Dist., Taichung; Mon–Fri 8:30–17:30',
  };
}

async function main() {
  const { values } = parseArgs({ options: { serve: { type: 'boolean', default: false } } });
  process.env.LOG_LEVEL ??= 'silent';
  const started = Date.now();
  const outcome = await runDemo({ dataDir: process.env.DEMO_DIR ?? '.local/demo' });
  console.log(`\nThe story took ${((Date.now() - started) / 1000).toFixed(1)} s. Pages:`);
  for (const p of outcome.pages) console.log(`  ${p.label.padEnd(26)} ${p.url}`);
  console.log('PDFs:');
  for (const pdf of outcome.pdfs) console.log(`  ${relative(process.cwd(), pdf)}`);
  if (!values.serve) {
    console.log(
      '\n(The pages are served only while the demo runs: `npm run demo -- --serve` keeps them up.)',
    );
    await outcome.runtime.close();
    return;
  }
  console.log(`\nServing at ${outcome.runtime.url} until Ctrl-C.`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void outcome.runtime.close().then(() => process.exit(0)));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof DemoStepFailed ? `Demo stopped: ${error.message}` : error);
    process.exitCode = 1;
  });
}
