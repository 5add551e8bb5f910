/**
 * The composition root of the ports: which adapter each one uses, decided once per process from
 * the environment, exactly as on Lambda. The local runtime sets MAIL_OUTBOX_DIR, BLOB_DIR,
 * SIGNING_KEY_DIR and SCHEDULER_MODE=table; on AWS they are absent and the SES, S3, KMS and
 * EventBridge Scheduler adapters are used. Adapters are
 * imported lazily so a function bundles only what it uses at run time.
 *
 * Each local branch is guarded by `process.env.OGDL_LOCAL_ADAPTERS !== 'false'`, written out in
 * the condition itself: AWS bundles define that variable as "false" at build time
 * (infra/aws/constructs/aws-build.ts), the condition folds to `false` and esbuild drops the branch
 * together with the modules it imports. A helper function or a shared constant would not fold.
 */
import type { Mailer } from './mailer.ts';
import type { BlobStore } from './blob-store.ts';
import type { Signer } from './signer.ts';
import type { CertificateRenderer } from './certificate-renderer.ts';
import type { Scheduler } from './scheduler.ts';
import { BUSINESS_COUNTS, type BusinessCount, type Metrics } from './metrics.ts';
import { currentClock } from './clock.ts';
import type { Clock } from './clock.ts';
import { optionalEnv, requireEnv } from './config.ts';
import { traced } from './tracing.ts';
import { sendingOncePerKey } from './mailer-once.ts';

/** Follows the clock the runtime installs, even when it is installed after the adapter was built. */
const followingClock: Clock = { now: () => currentClock().now() };

let mailerInstance: Promise<Mailer> | undefined;
let blobInstance: Promise<BlobStore> | undefined;
let signerInstance: Promise<Signer> | undefined;
let rendererInstance: Promise<CertificateRenderer> | undefined;
let schedulerInstance: Promise<Scheduler> | undefined;
let metricsInstance: Promise<Metrics> | undefined;

/**
 * The mailer of this process: a keyed mail goes out once however often it is sent
 * (mailer-once.ts), and every mail that goes out is counted (BUSINESS_COUNTS.mailSent).
 */
export function mailer(): Promise<Mailer> {
  mailerInstance ??= (async () => sendingOncePerKey(countingSends(await chosenMailer()), followingClock))();
  return mailerInstance;
}

function countingSends(inner: Mailer): Mailer {
  return {
    send: async (mail) => {
      const sent = await inner.send(mail);
      await count(BUSINESS_COUNTS.mailSent);
      return sent;
    },
  };
}

async function chosenMailer(): Promise<Mailer> {
  const outbox = optionalEnv('MAIL_OUTBOX_DIR');
  if (process.env.OGDL_LOCAL_ADAPTERS !== 'false' && outbox) {
    const { OutboxMailer } = await import('./mailer-outbox.ts');
    return new OutboxMailer(outbox, followingClock, { from: optionalEnv('MAIL_FROM') });
  }
  const { SesMailer } = await import('./mailer-ses.ts');
  return new SesMailer({
    from: requireEnv('MAIL_FROM'),
    configurationSetName: optionalEnv('SES_CONFIGURATION_SET'),
  });
}

export function blobStore(): Promise<BlobStore> {
  blobInstance ??= (async () => {
    const folder = optionalEnv('BLOB_DIR');
    if (process.env.OGDL_LOCAL_ADAPTERS !== 'false' && folder) {
      const { FolderBlobStore } = await import('./blob-store-folder.ts');
      return new FolderBlobStore(folder, optionalEnv('BLOB_LINK_SECRET'));
    }
    const { S3BlobStore } = await import('./blob-store-s3.ts');
    const kmsKeyId = optionalEnv('BLOB_KMS_KEY_ID');
    return new S3BlobStore({
      bucket: requireEnv('BLOB_BUCKET'),
      encryption: kmsKeyId ? { type: 'aws:kms', kmsKeyId } : { type: 'AES256' },
    });
  })();
  return blobInstance;
}

export function signer(): Promise<Signer> {
  signerInstance ??= (async () => {
    const keyDir = optionalEnv('SIGNING_KEY_DIR');
    if (process.env.OGDL_LOCAL_ADAPTERS !== 'false' && keyDir) {
      const { LocalKeySigner } = await import('./signer-local.ts');
      return new LocalKeySigner(keyDir);
    }
    const [{ KmsSigner }, { KMSClient }] = await Promise.all([
      import('./signer-kms.ts'),
      import('@aws-sdk/client-kms'),
    ]);
    return new KmsSigner(traced(new KMSClient({ maxAttempts: 4 })), requireEnv('SIGNING_KEY_ID'));
  })();
  return signerInstance;
}

/**
 * On AWS CDK sets CERTIFICATE_RENDERER_FUNCTION, the function that renders; without it (the local
 * runtime) certificates are rendered by a pool of threads of this process.
 */
export function certificateRenderer(): Promise<CertificateRenderer> {
  rendererInstance ??= (async () => {
    const functionName = optionalEnv('CERTIFICATE_RENDERER_FUNCTION');
    if (process.env.OGDL_LOCAL_ADAPTERS !== 'false' && !functionName) {
      const { ThreadPoolCertificateRenderer } = await import('./certificate-renderer-local.ts');
      return new ThreadPoolCertificateRenderer();
    }
    const { LambdaCertificateRenderer } = await import('./certificate-renderer-lambda.ts');
    return new LambdaCertificateRenderer(requireEnv('CERTIFICATE_RENDERER_FUNCTION'));
  })();
  return rendererInstance;
}

/** Locally deadlines are table items the runtime fires when its clock reaches them. */
export function scheduler(): Promise<Scheduler> {
  schedulerInstance ??= (async () => {
    if (process.env.OGDL_LOCAL_ADAPTERS !== 'false' && optionalEnv('SCHEDULER_MODE') === 'table') {
      const { TableScheduler } = await import('./scheduler-table.ts');
      return new TableScheduler();
    }
    const { EventBridgeScheduler } = await import('./scheduler-eventbridge.ts');
    return new EventBridgeScheduler();
  })();
  return schedulerInstance;
}

/** Business counts: kept in the process locally (METRICS_MODE=local), EMF log lines on AWS. */
export function metrics(): Promise<Metrics> {
  metricsInstance ??= (async () => {
    if (process.env.OGDL_LOCAL_ADAPTERS !== 'false' && optionalEnv('METRICS_MODE') === 'local') {
      const { LocalMetrics } = await import('./metrics-local.ts');
      return new LocalMetrics();
    }
    const { EmfMetrics } = await import('./metrics-emf.ts');
    return new EmfMetrics();
  })();
  return metricsInstance;
}

/** Adds to a business count; call it once the thing counted is recorded. */
export async function count(name: BusinessCount, value = 1): Promise<void> {
  (await metrics()).count(name, value);
}

/** Forgets the adapters (the local runtime and tests change the environment between runs). */
export function resetAdapters(): void {
  mailerInstance = undefined;
  blobInstance = undefined;
  signerInstance = undefined;
  rendererInstance = undefined;
  schedulerInstance = undefined;
  metricsInstance = undefined;
}
