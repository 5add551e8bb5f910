/**
 * The review workflow on this machine: the same ASL file CDK deploys, run by the local engine
 * with each Task bound in-process to the same handler module a Lambda function would run, and
 * the Step Functions API served on loopback so the handlers' SFN client works unchanged.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { readDefinition } from '../../workflows/load.ts';
import { reviewTaskFunctions } from '../../functions/tasks/task-functions.ts';
import type { Clock } from '../../functions/ports/clock.ts';
import { log } from '../../functions/http/log.ts';
import { LocalWorkflowEngine } from './workflows/engine.ts';
import type { TaskFunction } from './workflows/engine.ts';
import { startSfnApiServer } from './workflows/sfn-api.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
export const REVIEW_MACHINE = 'fee-proposal-review';

async function bindTasks(entries: Record<string, string>): Promise<Record<string, TaskFunction>> {
  const bound: Record<string, TaskFunction> = {};
  for (const [placeholder, entry] of Object.entries(entries)) {
    const module = (await import(pathToFileURL(resolve(projectRoot, entry)).href)) as {
      handler: TaskFunction;
    };
    bound[placeholder] = module.handler;
  }
  return bound;
}

export interface LocalWorkflows {
  engine: LocalWorkflowEngine;
  endpoint: string;
  reviewStateMachineArn: string;
  close(): Promise<void>;
}

export async function startLocalWorkflows(options: {
  clock: Clock;
  dataDir: string;
}): Promise<LocalWorkflows> {
  const engine = new LocalWorkflowEngine({
    clock: options.clock,
    dataDir: options.dataDir,
    log: (entry) => log.debug('workflow', entry as Record<string, unknown>),
  });
  const reviewStateMachineArn = engine.registerStateMachine({
    name: REVIEW_MACHINE,
    definition: readDefinition(REVIEW_MACHINE),
    functions: await bindTasks(reviewTaskFunctions),
  });
  const api = await startSfnApiServer(engine, { port: 0 });
  return {
    engine,
    endpoint: api.url,
    reviewStateMachineArn,
    async close() {
      engine.close();
      await api.close();
    },
  };
}
