// `npm run demo` runs this story; running it here keeps the demo from rotting as the service changes.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo, type DemoOutcome } from '#local/demo';
import { tempDataDir } from '../../support/runtime.ts';

let outcome: DemoOutcome;
const lines: string[] = [];

beforeAll(async () => {
  process.env.LOG_LEVEL ??= 'silent';
  outcome = await runDemo({ dataDir: tempDataDir(), say: (line) => lines.push(line) });
}, 120_000);
afterAll(async () => outcome?.runtime.close());

describe('the demo story', () => {
  it('tells every step in its own numbered line', () => {
    expect(lines).toHaveLength(14);
    lines.forEach((line, i) => expect(line).toMatch(new RegExp(`^\\s*${i + 1}\\. \\S`)));
  });

  it('takes every step of the agency in the workspace, signed in as its clerk, filing included', () => {
    for (const where of [
      'drafted fee proposal',
      'in the editor',
      'submitted it from check your answers',
      'on the consultation desk',
      "from the proposal's page",
      'on the licenses desk',
    ])
      expect(lines.join('\n')).toContain(where);
  });

  it('files the payment instructions from the editor, as every quote under the schedule shows them', async () => {
    const proposal = (await (
      await fetch(`${outcome.runtime.url}/fee-proposals/${outcome.proposalId}`)
    ).json()) as { paymentInstructions?: { payee: { zh: string }; methods: { method: string }[] } };
    expect(proposal.paymentInstructions?.payee.zh).toBe('內政部國土測繪中心');
    expect(proposal.paymentInstructions?.methods.map((m) => m.method)).toEqual(['BANK_TRANSFER', 'COUNTER']);
  });

  it('ends with the schedule in force after an approval with one recusal', async () => {
    expect(outcome.outcome).toBe('APPROVED');
    expect(outcome.proposalStatus).toBe('EFFECTIVE');
    const decision = (await (
      await fetch(`${outcome.runtime.url}/fee-proposals/${outcome.proposalId}/decision`)
    ).json()) as { tally: unknown };
    expect(decision.tally).toMatchObject({
      recused: 1,
      counts: { APPROVE: 4, REQUEST_CHANGES: 1, REJECT: 0 },
    });
  });

  it('issues an OGDL and a paid certificate that both verify against their downloaded PDFs', () => {
    for (const certificate of [outcome.certificates.open, outcome.certificates.paid]) {
      expect(certificate).toMatchObject({ status: 'VALID', signatureValid: true, copyMatches: true });
    }
    expect(outcome.certificates.paid.amountTwd).toBe(300); // 3 sheets × NT$200, 50% off for academic use
  });

  it('leaves the two certificates, the consultation report and the decision record (as decided, then re-issued after each of the three fee-law steps) as PDF files', () => {
    expect(outcome.pdfs).toHaveLength(7);
    expect(outcome.pdfs.filter((p) => p.includes('/blobs/decisions/'))).toHaveLength(4);
    expect(outcome.pdfs.map((p) => p.split('/blobs/')[1])).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^certificates\//),
        expect.stringMatching(/^reports\//),
        expect.stringMatching(/^decisions\//),
      ]),
    );
    for (const pdf of outcome.pdfs) expect(existsSync(pdf)).toBe(true);
  });

  it('lists page URLs that answer with pages', async () => {
    for (const { url } of outcome.pages.filter((p) => !p.url.includes('format=pdf'))) {
      const res = await fetch(url, { headers: { accept: 'text/html' } });
      expect([200, 410], url).toContain(res.status);
      expect(res.headers.get('content-type'), url).toMatch(/^text\/html/);
    }
  });
});
