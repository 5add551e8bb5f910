/**
 * The embedded runtime: everything the service needs on one machine, in one process.
 * dynalite keeps the table under the data folder, the clock can be advanced, tokens come from a
 * local issuer, and the HTTP server invokes the same handlers that run on Lambda.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import { ensureTable, localCredentials, startDynalite } from './dynalite-server.ts';
import { LocalClock } from './local-clock.ts';
import { LocalTokenIssuer } from './token-issuer.ts';
import { createHttpServer } from './http-server.ts';
import { localRoutes } from './local-routes.ts';
import { seedRegistry } from './seed.ts';
import { startLocalWorkflows } from './local-workflows.ts';
import type { WrapTask } from './local-workflows.ts';
import { DeadlineRunner } from './deadline-runner.ts';
import { blobRoutes } from './blob-routes.ts';
import { outboxRoutes } from './outbox-routes.ts';
import { useClock } from '#ports/clock';
import { setDynamoDocumentClient } from '#ports/dynamo/client';
import { resetAdapters } from '#ports/adapters';
import { resetWorkflowClient } from '#ports/workflow';
import { deadlineFunctionEntry } from '#tasks/task-functions';
import type { BundleSet } from '../bundles/build.ts';
import type { AwsFaultInjector, AwsStandIns } from './aws/server.ts';
import type { FireDeadline } from './deadline-runner.ts';
import { handlerLoader } from './handlers.ts';
import { warmRenderPool } from '#ports/certificate-renderer-local';
import { BUNDLE_ENVIRONMENT_NAMES, startBundleServices } from './aws/bundle-services.ts';
import { LOCAL_OIDC_CLIENT_ID, startLocalIdentityProvider } from './oidc-provider.ts';
import type { LocalIdentityProvider } from './oidc-provider.ts';

export interface LocalRuntimeOptions {
  /** Where data is kept; default `.local/` in the working folder. */
  dataDir?: string;
  /** HTTP port on 127.0.0.1; 0 picks a free one (tests). */
  port?: number;
  /** Start from an empty data folder. */
  fresh?: boolean;
  /** Keep DynamoDB data in memory only (tests); the rest still lives in dataDir. */
  inMemory?: boolean;
  /** Seed the registry when the store is empty (default true). */
  seed?: boolean;
  /**
   * Run the deployed bundles (infra/bundles/build.ts) instead of the source: their AWS adapters
   * then talk to local stand-ins for S3, SES, KMS, Lambda and Scheduler.
   */
  bundles?: BundleSet;
  /** With `bundles`: makes chosen AWS calls fail as AWS would (tests). */
  awsFaults?: AwsFaultInjector;
  /** Real milliseconds between workflow task retries instead of the definition's intervals (tests). */
  retryIntervalMs?: number;
  /** Tests: wraps a workflow task's handler (by its placeholder), e.g. to inject a fault. */
  wrapTask?: WrapTask;
}

export interface LocalRuntime {
  url: string;
  dataDir: string;
  clock: LocalClock;
  issuer: LocalTokenIssuer;
  seeded: boolean;
  /** With `bundles`: the AWS stand-ins, and every call they served. */
  aws?: AwsStandIns;
  /** Fires due deadlines and waits for the workflows to come to rest (what POST /_local/clock does). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export const TABLE_NAME = 'ogdl-local';

export async function startLocalRuntime(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  const dataDir = resolve(options.dataDir ?? '.local');
  if (options.fresh) rmSync(dataDir, { recursive: true, force: true });
  // The data folder holds the outbox (live ballot and confirmation links), the signing key and the
  // table: every file this process creates is for its user alone (0600, folders 0700).
  process.umask(0o077);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);

  const dynalite = await startDynalite({ path: options.inMemory ? undefined : join(dataDir, 'dynamodb') });
  // The table exists before anything is pointed at this endpoint: work still finishing from a
  // previous runtime in this process must never meet an endpoint without it.
  await ensureTable(dynalite.endpoint, TABLE_NAME);
  configureEnvironment({ dynamoEndpoint: dynalite.endpoint, dataDir });

  const clock = new LocalClock(dataDir);
  useClock(clock);
  const issuer = await LocalTokenIssuer.open(dataDir);
  Object.assign(process.env, issuer.environment());
  const seeded = options.seed === false ? false : await seedRegistry();

  const loadHandler = handlerLoader(options.bundles);
  // Source handlers render in this process's thread pool: its first thread parses the font now,
  // not while the first licensee waits. Bundles render through the render function's stand-in.
  if (!options.bundles) warmRenderPool();
  for (const name of BUNDLE_ENVIRONMENT_NAMES) delete process.env[name];
  const aws = options.bundles
    ? await startBundleServices({
        bundles: options.bundles,
        dataDir,
        clock,
        loadHandler,
        faults: options.awsFaults,
      })
    : undefined;

  const workflows = await startLocalWorkflows({
    clock,
    dataDir,
    loadHandler,
    retryIntervalMs: options.retryIntervalMs,
    wrapTask: options.wrapTask,
  });
  process.env.AWS_ENDPOINT_URL_SFN = workflows.endpoint;
  process.env.REVIEW_STATE_MACHINE_ARN = workflows.reviewStateMachineArn;
  const deadlines = new DeadlineRunner(clock, (await loadHandler(deadlineFunctionEntry)) as FireDeadline);

  /** Fires what the clock has made due and waits until the work it started has settled. */
  async function settle(): Promise<void> {
    for (let pass = 0; pass < 100; pass += 1) {
      workflows.engine.advanceClock();
      await workflows.engine.whenIdle();
      const fired = await deadlines.fireDue();
      await workflows.engine.whenIdle();
      if (fired === 0) return;
    }
    throw new Error('Deadlines kept firing after 100 passes; a deadline reschedules itself into the past.');
  }

  // Started once the port is known: its issuer URL and the client's callback name the port.
  const identity: { provider?: LocalIdentityProvider } = {};
  const server = createHttpServer({
    clock,
    identityProvider: () => identity.provider,
    localRoutes: localRoutes({
      clock,
      issuer,
      settle,
      extra: [outboxRoutes(join(dataDir, 'outbox')), blobRoutes(join(dataDir, 'blobs'), blobLinkSecret())],
    }),
    loadHandler,
  });
  const port = await listen(server, options.port ?? 3000);
  const url = `http://127.0.0.1:${port}`;
  process.env.PUBLIC_BASE_URL = url;
  identity.provider = await startLocalIdentityProvider(url);
  process.env.OIDC_ISSUER = identity.provider.issuer;
  process.env.OIDC_CLIENT_ID = LOCAL_OIDC_CLIENT_ID;
  // Executions that were running when the process stopped continue from their stored state.
  workflows.engine.resumeRunning();

  return {
    url,
    dataDir,
    clock,
    issuer,
    seeded,
    aws,
    settle,
    async close() {
      deadlines.close();
      await new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await workflows.close();
      await aws?.close();
      await dynalite.close();
    },
  };
}

/**
 * The handlers read their configuration from the environment, as on Lambda; the runtime sets the
 * same variables CDK sets there, pointing the AWS SDK at the local stand-ins.
 */
function configureEnvironment(values: { dynamoEndpoint: string; dataDir: string }) {
  process.env.AWS_REGION ??= 'ap-northeast-1';
  process.env.AWS_ACCESS_KEY_ID = localCredentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = localCredentials.secretAccessKey;
  process.env.AWS_ENDPOINT_URL_DYNAMODB = values.dynamoEndpoint;
  process.env.TABLE_NAME = TABLE_NAME;
  process.env.DATA_DIR = values.dataDir;
  process.env.MAIL_OUTBOX_DIR = join(values.dataDir, 'outbox');
  process.env.BLOB_DIR = join(values.dataDir, 'blobs');
  blobLinkSecret();
  process.env.SIGNING_KEY_DIR = values.dataDir;
  process.env.SCHEDULER_MODE = 'table';
  process.env.METRICS_MODE = 'local';
  // Clients and adapters built before now would hold an old endpoint or folder.
  setDynamoDocumentClient(undefined);
  resetAdapters();
  resetWorkflowClient();
}

/** Signs the local download links (as AWS credentials sign presigned GETs); new at each start. */
function blobLinkSecret(): string {
  process.env.BLOB_LINK_SECRET ??= randomBytes(32).toString('base64url');
  return process.env.BLOB_LINK_SECRET;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolvePort(typeof address === 'object' && address ? address.port : port);
    });
  });
}
