/**
 * The review workflow on this machine: the same ASL file CDK deploys, run by the local engine
 * with each Task bound in-process to the same handler module a Lambda function would run, and
 * the Step Functions API served on loopback so the handlers' SFN client works unchanged.
 */
import { readDefinition } from '../../workflows/load.ts';
import { reviewTaskFunctions } from '#tasks/task-functions';
import type { Clock } from '#ports/clock';
import { log } from '#ports/log';
import { LocalWorkflowEngine } from './workflows/engine.ts';
import type { TaskFunction } from './workflows/engine.ts';
import { startSfnApiServer } from './workflows/sfn-api.ts';
import { handlerLoader } from './handlers.ts';
import type { LoadHandler } from './handlers.ts';

export const REVIEW_MACHINE = 'fee-proposal-review';

/** Tests: wraps the handler of a workflow task, e.g. to make it fail as a broken dependency would. */
export type WrapTask = (placeholder: string, handler: TaskFunction) => TaskFunction;

async function bindTasks(
  entries: Record<string, string>,
  load: LoadHandler,
  wrap: WrapTask = (_placeholder, handler) => handler,
): Promise<Record<string, TaskFunction>> {
  const bound: Record<string, TaskFunction> = {};
  for (const [placeholder, entry] of Object.entries(entries))
    bound[placeholder] = wrap(placeholder, (await load(entry)) as TaskFunction);
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
  /** Where the task handlers come from (default: the source modules). */
  loadHandler?: LoadHandler;
  /** Real milliseconds between task retries instead of the definition's intervals (tests). */
  retryIntervalMs?: number;
  wrapTask?: WrapTask;
}): Promise<LocalWorkflows> {
  const engine = new LocalWorkflowEngine({
    clock: options.clock,
    dataDir: options.dataDir,
    retryIntervalMs: options.retryIntervalMs,
    log: (entry) => log.debug('workflow', entry as Record<string, unknown>),
  });
  const reviewStateMachineArn = engine.registerStateMachine({
    name: REVIEW_MACHINE,
    definition: readDefinition(REVIEW_MACHINE),
    functions: await bindTasks(reviewTaskFunctions, options.loadHandler ?? handlerLoader(), options.wrapTask),
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
