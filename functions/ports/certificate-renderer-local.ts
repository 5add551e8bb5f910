/** Certificates and decision records rendered in this process: the local runtime, where pdfkit and the font are at hand. */
import { renderCertificate } from '#templates/pdf/certificate';
import type { CertificateView } from '#templates/pdf/certificate';
import { renderDecisionRecord, type DecisionRecordView } from '#templates/pdf/decision-record';
import type { CertificateRenderer } from './certificate-renderer.ts';

export class InProcessCertificateRenderer implements CertificateRenderer {
  render(view: CertificateView): Promise<Buffer> {
    return renderCertificate(view);
  }

  renderDecisionRecord(view: DecisionRecordView): Promise<Buffer> {
    return renderDecisionRecord(view);
  }
}
