/**
 * A thread of the local renderer's pool (certificate-renderer-local.ts): renders one certificate or
 * decision record per task and answers as the render function does on AWS (a refusal is an answer,
 * not an error). Written in erasable TypeScript only, because a thread started outside tsx (a test
 * runner) loads this file with Node's own type stripping; the renderer modules it then imports need
 * tsx, which it registers first where the process has not.
 */
import { register } from 'tsx/esm/api';
import type { CertificateView } from '#templates/pdf/certificate';
import type { DecisionRecordView } from '#templates/pdf/decision-record';

export type RenderTask =
  | { document: 'CERTIFICATE'; view: CertificateView }
  | { document: 'DECISION_RECORD'; view: DecisionRecordView };

export type WorkerAnswer = { pdf: Uint8Array } | { refused: string };

if (!process.execArgv.some((arg) => arg.includes('tsx'))) register();
const [{ CertificateContentError, renderCertificate }, { renderDecisionRecord }, { cjkFont }] =
  await Promise.all([
    import('#templates/pdf/certificate'),
    import('#templates/pdf/decision-record'),
    import('#templates/pdf/fonts'),
  ]);
// Parsed when the thread starts, not on the first certificate it is given.
cjkFont();

export default async function render(task: RenderTask): Promise<WorkerAnswer> {
  if (task.document === 'DECISION_RECORD') return { pdf: await renderDecisionRecord(task.view) };
  try {
    return { pdf: await renderCertificate(task.view) };
  } catch (error) {
    if (error instanceof CertificateContentError) return { refused: error.message };
    throw error;
  }
}
