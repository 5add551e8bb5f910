/**
 * The render function: turns a certificate view into the PDF, for the HTTP functions that issue
 * certificates, and a decision record re-issued after a step of 規費法 §10 (the event
 * `{document: 'DECISION_RECORD', view}`), for the function that records the step. They invoke it
 * synchronously through `certificate-renderer-lambda.ts`, which keeps pdfkit, fontkit and the CJK
 * font out of their bundles. It reads and writes nothing: the caller
 * stores the PDF and signs its hash. A view that cannot be a certificate is answered as refused;
 * anything else that goes wrong is a function error, which the caller reports as a 503.
 */
import * as z from '#domain/zod';
import type { Context } from 'aws-lambda';
import { log, startInvocationLog } from '#ports/log';
import type { RenderAnswer } from '#ports/certificate-renderer';
import { CertificateContentError, renderCertificate } from '#templates/pdf/certificate';
import type { CertificateView } from '#templates/pdf/certificate';
import { renderDecisionRecord, type DecisionRecordView } from '#templates/pdf/decision-record';
import { SeatSchema } from '#domain/advisory-group';
import { FeeLawStepKindSchema } from '#domain/fee-law-steps';
import { BallotDecisionSchema } from '#domain/vote-tally';
import './preload-font.ts';

const Bilingual = z.object({ zh: z.string(), en: z.string() });

/** The view as the issuing functions send it; typed against CertificateView so the two cannot drift. */
const CertificateViewSchema: z.ZodMiniType<CertificateView> = z.object({
  kind: z.enum(['OGDL', 'ON_APPLICATION']),
  number: z.string().check(z.minLength(1)),
  issuedAt: z.string().check(z.minLength(1)),
  licensee: z.object({
    name: z.string(),
    organization: z.optional(z.string()),
    email: z.optional(z.string()),
  }),
  dataset: z.object({
    agencyName: Bilingual,
    title: Bilingual,
    version: z.string(),
    distributionSha256: z.optional(z.string()),
  }),
  license: z.object({
    nameZh: z.string(),
    nameEn: z.string(),
    version: z.string(),
    url: z.string(),
    spdx: z.optional(z.string()),
    conditionsTitle: z.optional(Bilingual),
  }),
  grantSummary: Bilingual,
  attribution: z.optional(z.object({ zh: z.array(z.string()), en: z.array(z.string()) })),
  source: z.optional(Bilingual),
  paid: z.optional(
    z.object({
      scheduleId: z.string(),
      scheduleTitle: Bilingual,
      legalBasis: z.string(),
      lines: z.array(
        z.object({
          name: Bilingual,
          unit: Bilingual,
          quantity: z.number(),
          unitAmountTwd: z.number(),
          amountTwd: z.number(),
        }),
      ),
      subtotalTwd: z.number(),
      reductionPercent: z.number(),
      reductionTwd: z.number(),
      amountTwd: z.number(),
      purpose: z.string(),
      paidOn: z.string(),
      receiptNumber: z.string(),
    }),
  ),
  verifyUrl: z.string(),
  jwksUrl: z.string(),
});

/** The decision record view as the issuing functions send it; typed so the two cannot drift. */
const DecisionRecordViewSchema: z.ZodMiniType<DecisionRecordView> = z.object({
  proposal: z.object({ id: z.string(), version: z.number(), title: Bilingual, agencyName: Bilingual }),
  group: z.object({ name: Bilingual }),
  rule: z.object({ quorumFraction: z.number() }),
  vote: z.object({
    opensAt: z.string(),
    deadline: z.string(),
    extensions: z.array(z.object({ deadline: z.string(), reason: z.string() })),
  }),
  tally: z.object({
    seats: z.number(),
    recused: z.number(),
    quorum: z.number(),
    cast: z.number(),
    counts: z.object({ APPROVE: z.number(), REJECT: z.number(), REQUEST_CHANGES: z.number() }),
    quorumMet: z.boolean(),
  }),
  outcome: z.enum(['APPROVED', 'REJECTED', 'CHANGES_REQUESTED', 'NOT_DECIDED']),
  positions: z.array(
    z.object({
      name: z.string(),
      seat: SeatSchema,
      decision: z.nullable(BallotDecisionSchema),
      reason: z.optional(z.string()),
      castAt: z.optional(z.string()),
    }),
  ),
  decidedAt: z.string(),
  effectiveFrom: z.optional(z.string()),
  reviewBy: z.optional(z.string()),
  decisionUrl: z.optional(z.string()),
  items: z.optional(
    z.array(
      z.object({
        id: z.string(),
        name: Bilingual,
        unit: Bilingual,
        amountTwd: z.number(),
        documentedUnitCostTwd: z.number(),
        marginalUnitCostTwd: z.number(),
      }),
    ),
  ),
  feeLawSteps: z.optional(
    z.array(
      z.object({
        step: FeeLawStepKindSchema,
        recorded: z.optional(
          z.object({ date: z.string(), reference: z.string(), url: z.optional(z.string()) }),
        ),
      }),
    ),
  ),
  announcedEffectiveFrom: z.optional(z.string()),
  revision: z.optional(
    z.object({
      number: z.number(),
      issuedAt: z.string(),
      supersedes: z.object({ number: z.number(), issuedAt: z.string(), sha256: z.string() }),
    }),
  ),
});

const DecisionRecordEventSchema = z.object({
  document: z.literal('DECISION_RECORD'),
  view: DecisionRecordViewSchema,
});

const isDecisionRecordEvent = (event: unknown): boolean =>
  typeof event === 'object' &&
  event !== null &&
  (event as { document?: unknown }).document === 'DECISION_RECORD';

export const handler = async (event: unknown, context?: Context): Promise<RenderAnswer> => {
  startInvocationLog(context, {});
  // A malformed view is a bug in the caller: a function error, reported as such.
  if (isDecisionRecordEvent(event)) {
    const { view } = DecisionRecordEventSchema.parse(event);
    const started = Date.now();
    const pdf = await renderDecisionRecord(view);
    log.info('decision record rendered', {
      proposalId: view.proposal.id,
      revision: view.revision?.number ?? 0,
      bytes: pdf.length,
      ms: Date.now() - started,
    });
    return { pdf: pdf.toString('base64') };
  }
  const view = CertificateViewSchema.parse(event);
  const started = Date.now();
  try {
    const pdf = await renderCertificate(view);
    log.info('certificate rendered', { number: view.number, bytes: pdf.length, ms: Date.now() - started });
    return { pdf: pdf.toString('base64') };
  } catch (error) {
    if (!(error instanceof CertificateContentError)) throw error;
    log.warn('certificate refused', { number: view.number, reason: error.message });
    return { refused: error.message };
  }
};
