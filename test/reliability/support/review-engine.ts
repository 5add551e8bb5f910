/**
 * The review workflow alone: the real ASL on the local engine, the real task handlers (any of
 * which a test may wrap to make it fail), the Step Functions API on loopback for the handlers'
 * SFN client, and the table the integration tier's dynalite holds for this test file.
 */
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { ensureTable } from '#local/dynalite-server';
import { LocalClock } from '#local/local-clock';
import { seedRegistry } from '#local/seed';
import { LocalWorkflowEngine } from '#local/workflows/engine';
import type { TaskFunction } from '#local/workflows/engine';
import { startSfnApiServer } from '#local/workflows/sfn-api';
import { readDefinition } from '../../../workflows/load.ts';
import { reviewTaskFunctions } from '#tasks/task-functions';
import { useClock } from '#ports/clock';
import { setDynamoDocumentClient } from '#ports/dynamo/client';
import { resetAdapters } from '#ports/adapters';
import { resetWorkflowClient } from '#ports/workflow';
import { tempDataDir } from '../../support/runtime.ts';

const projectRoot = resolve(import.meta.dirname, '../../..');
export type Placeholder = keyof typeof reviewTaskFunctions;

export async function startReviewEngine(
  wrap: (placeholder: Placeholder, handler: TaskFunction) => TaskFunction = (_p, handler) => handler,
) {
  const dataDir = tempDataDir();
  process.env.LOG_LEVEL ??= 'silent';
  process.env.DATA_DIR = dataDir;
  process.env.MAIL_OUTBOX_DIR = join(dataDir, 'outbox');
  process.env.BLOB_DIR = join(dataDir, 'blobs');
  process.env.SIGNING_KEY_DIR = dataDir;
  process.env.SCHEDULER_MODE = 'table';
  process.env.PUBLIC_BASE_URL = 'http://127.0.0.1:9';
  setDynamoDocumentClient(undefined);
  resetAdapters();
  await ensureTable(process.env.AWS_ENDPOINT_URL_DYNAMODB!, process.env.TABLE_NAME!);
  const clock = new LocalClock(dataDir);
  useClock(clock);
  await seedRegistry();

  // Retries wait 10 ms instead of the definition's 2, 4, 8, 16 s: the same attempts, sooner.
  const engine = new LocalWorkflowEngine({ clock, retryIntervalMs: 10 });
  const functions: Record<string, TaskFunction> = {};
  for (const [placeholder, entry] of Object.entries(reviewTaskFunctions)) {
    const module = (await import(pathToFileURL(resolve(projectRoot, entry)).href)) as {
      handler: TaskFunction;
    };
    functions[placeholder] = wrap(placeholder as Placeholder, module.handler);
  }
  const arn = engine.registerStateMachine({
    name: 'fee-proposal-review',
    definition: readDefinition('fee-proposal-review'),
    functions,
  });
  const api = await startSfnApiServer(engine, { port: 0 });
  process.env.AWS_ENDPOINT_URL_SFN = api.url;
  process.env.REVIEW_STATE_MACHINE_ARN = arn;
  resetWorkflowClient();
  return {
    engine,
    clock,
    arn,
    async close() {
      engine.close();
      await api.close();
    },
  };
}
