/**
 * The certificate renderer port: a certificate view in, the PDF bytes out; and likewise the
 * decision record re-issued by an HTTP function after a step of 規費法 §10. Rendering needs pdfkit,
 * fontkit and a 5.4 MB CJK font, far too much for the HTTP functions that issue certificates, so on
 * AWS a dedicated function renders (`certificate-renderer-lambda.ts` invokes it and waits); the
 * local runtime renders in a pool of threads of its own process (`certificate-renderer-local.ts`). Both run the same renderer, so
 * the same view gives the same bytes either way.
 */
import type { CertificateView } from '#templates/pdf/certificate';
import type { DecisionRecordView } from '#templates/pdf/decision-record';

export interface CertificateRenderer {
  render(view: CertificateView): Promise<Buffer>;
  renderDecisionRecord(view: DecisionRecordView): Promise<Buffer>;
}

/** The render function's event for a decision record (a certificate's event is its view alone). */
export interface DecisionRecordEvent {
  document: 'DECISION_RECORD';
  view: DecisionRecordView;
}

/**
 * What the render function answers (its event is the view itself): the PDF in base64, or why the
 * view cannot become a certificate (content that does not fit on one page, a missing attribution
 * part). A refusal is an answer, not a function error: it will not change on a retry.
 */
export type RenderAnswer = { pdf: string } | { refused: string };
