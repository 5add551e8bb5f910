/**
 * Certificates and decision records rendered on this machine (the local runtime and the tests), in a
 * pool of worker threads, one per core: a PDF takes 10–20 ms of CPU, which on the one event loop that
 * also serves HTTP and the DynamoDB emulator would make every other request wait behind it. The pool
 * is one per process and shared by every runtime in it; its idle threads do not keep the process
 * alive. Same renderer as the render function on AWS, so the same view gives the same bytes.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { CertificateContentError, type CertificateView } from '#templates/pdf/certificate';
import type { DecisionRecordView } from '#templates/pdf/decision-record';
import type { CertificateRenderer } from './certificate-renderer.ts';
import type { RenderTask, WorkerAnswer } from './certificate-render-worker.ts';

let pool: Piscina<RenderTask, WorkerAnswer> | undefined;

function renderPool(): Piscina<RenderTask, WorkerAnswer> {
  pool ??= new Piscina({
    filename: new URL('./certificate-render-worker.ts', import.meta.url).href,
    minThreads: 1,
    maxThreads: availableParallelism(),
    // A thread parses the 5.4 MB font when it starts (~0.3 s); one kept for a minute after use
    // spares the next burst of certificates that cost.
    idleTimeout: 60_000,
  });
  return pool;
}

export class ThreadPoolCertificateRenderer implements CertificateRenderer {
  render(view: CertificateView): Promise<Buffer> {
    return run({ document: 'CERTIFICATE', view });
  }

  renderDecisionRecord(view: DecisionRecordView): Promise<Buffer> {
    return run({ document: 'DECISION_RECORD', view });
  }
}

async function run(task: RenderTask): Promise<Buffer> {
  const answer = await renderPool().run(task);
  // Refused in the thread: thrown here as rendering in this thread would throw it.
  if ('refused' in answer) throw new CertificateContentError(answer.refused);
  return Buffer.from(answer.pdf.buffer, answer.pdf.byteOffset, answer.pdf.byteLength);
}

/** Starts the pool's first thread (and its font parse) ahead of the first certificate. */
export function warmRenderPool(): void {
  renderPool();
}
