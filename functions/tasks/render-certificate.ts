/**
 * The render function: turns a certificate view into the PDF, for the HTTP functions that issue
 * certificates (they invoke it synchronously through `certificate-renderer-lambda.ts`, which keeps
 * pdfkit, fontkit and the CJK font out of their bundles). It reads and writes nothing: the caller
 * stores the PDF and signs its hash. A view that cannot be a certificate is answered as refused;
 * anything else that goes wrong is a function error, which the caller reports as a 503.
 */
import * as z from '#domain/zod';
import type { Context } from 'aws-lambda';
import { log, startInvocationLog } from '#ports/log';
import type { RenderAnswer } from '#ports/certificate-renderer';
import { CertificateContentError, renderCertificate } from '#templates/pdf/certificate';
import type { CertificateView } from '#templates/pdf/certificate';

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

export const handler = async (event: unknown, context?: Context): Promise<RenderAnswer> => {
  startInvocationLog(context, {});
  // A malformed view is a bug in the caller: a function error, reported as such.
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
