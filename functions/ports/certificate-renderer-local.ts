/** Certificates rendered in this process: the local runtime, where pdfkit and the font are at hand. */
import { renderCertificate } from '#templates/pdf/certificate';
import type { CertificateView } from '#templates/pdf/certificate';
import type { CertificateRenderer } from './certificate-renderer.ts';

export class InProcessCertificateRenderer implements CertificateRenderer {
  render(view: CertificateView): Promise<Buffer> {
    return renderCertificate(view);
  }
}
