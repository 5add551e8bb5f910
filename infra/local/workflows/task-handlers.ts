/**
 * The in-process stand-in for `arn:aws:states:::lambda:invoke` and its `.waitForTaskToken`
 * form: one local handler per Task state, given to aws-local-stepfunctions as
 * `taskResourceLocalHandlers`. The library hands each one the resolved Parameters
 * (`{ FunctionName, Payload }`); the result is shaped as AWS shapes it (`{ Payload, ... }` for a
 * plain invoke, the SendTaskSuccess output for a callback) and errors are named as AWS names them.
 */
import type { RunOptions } from 'aws-local-stepfunctions';
import type { JsonObject } from './asl-walk.ts';
import type { ExecutionActivity } from './activity.ts';
import type { CallbackRegistry } from './callbacks.ts';
import type { StateInfo } from './library-definition.ts';

export type TaskFunction = (payload: unknown) => Promise<unknown>;

type LibraryHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;
// The library types values as its JSON type; they are JSON by construction here.
type LibraryHandler = LibraryHandlers[string];

export interface TaskRunContext {
  executionArn: string;
  activity: ExecutionActivity;
  callbacks: CallbackRegistry;
  /** What `$$.Task.Token` resolves to in the library; replaced by a fresh token per task. */
  sentinel: string;
  /** Epoch ms on the engine's clock. */
  now(): number;
  /** False once the execution was stopped, timed out or left behind by a closing engine. */
  isActive(): boolean;
  functionNamed(name: unknown): TaskFunction | undefined;
  /** Tells the engine that something changed (for whenIdle). */
  changed(): void;
  log(entry: object): void;
}

export function localTaskHandlers(
  states: ReadonlyMap<string, StateInfo>,
  context: TaskRunContext,
): LibraryHandlers {
  const handlers: LibraryHandlers = {};
  for (const [stateName, info] of states) {
    if (info.type !== 'Task') continue;
    const run = info.callbackTimeoutSeconds === undefined ? invoke : invokeAndWait;
    handlers[stateName] = (async (input: unknown) => {
      // An aborted run may still retry a task whose token was voided: no handler may run for it.
      if (!context.isActive())
        throw Object.assign(new Error('The execution is no longer running.'), {
          isRetryable: false,
          isCatchable: false,
        });
      return run(context, stateName, info, input);
    }) as unknown as LibraryHandler;
  }
  return handlers;
}

/** Runs the handler itself, counted as work: the engine is not idle while any handler runs. */
async function callHandler(context: TaskRunContext, fn: TaskFunction, payload: unknown): Promise<unknown> {
  context.activity.handlersRunning++;
  try {
    return await fn(payload);
  } catch (error) {
    throw asLambdaFunctionError(error);
  } finally {
    context.activity.handlersRunning--;
    context.changed();
  }
}

async function invoke(
  context: TaskRunContext,
  stateName: string,
  _info: StateInfo,
  input: unknown,
): Promise<unknown> {
  const { fn, payload } = resolve(context, stateName, input);
  const result = await callHandler(context, fn, payload);
  return { ExecutedVersion: '$LATEST', Payload: jsonCopy(result), StatusCode: 200 };
}

/**
 * Registers the token before calling the handler, since a handler may complete its own task at
 * once (when what it waits for has already happened); afterwards the task only waits.
 */
async function invokeAndWait(
  context: TaskRunContext,
  stateName: string,
  info: StateInfo,
  input: unknown,
): Promise<unknown> {
  const { fn, payload } = resolve(context, stateName, input);
  const deadline = context.now() + (info.callbackTimeoutSeconds ?? 0) * 1000;
  const { token, result } = context.callbacks.issue(context.executionArn, stateName, deadline);
  try {
    await callHandler(context, fn, replaceText(payload, context.sentinel, token));
  } catch (error) {
    context.callbacks.withdraw(token);
    throw error;
  }
  context.callbacks.park(token);
  context.log({
    event: 'task.waiting',
    executionArn: context.executionArn,
    state: stateName,
    deadline: new Date(deadline).toISOString(),
  });
  return result;
}

function resolve(
  context: TaskRunContext,
  stateName: string,
  input: unknown,
): { fn: TaskFunction; payload: unknown } {
  const parameters = (typeof input === 'object' && input !== null ? input : {}) as JsonObject;
  const fn = context.functionNamed(parameters.FunctionName);
  if (!fn) {
    const error = new Error(
      `State "${stateName}": no local handler for function ${JSON.stringify(parameters.FunctionName)}.`,
    );
    error.name = 'Lambda.ResourceNotFoundException';
    throw error;
  }
  // The handler gets its own copy, as a Lambda gets its own deserialized event.
  return { fn, payload: jsonCopy(parameters.Payload) };
}

/**
 * A Lambda function error reaches Step Functions with Error = the error's type and Cause = the
 * JSON the Lambda runtime reports, so Retry/Catch match on the class name as they do in AWS.
 */
export function asLambdaFunctionError(error: unknown): Error {
  const errorType = error instanceof Error ? error.name : 'Error';
  const errorMessage = error instanceof Error ? error.message : String(error);
  const trace = error instanceof Error && error.stack ? error.stack.split('\n') : [];
  const failure = new Error(JSON.stringify({ errorType, errorMessage, trace }));
  failure.name = errorType;
  return failure;
}

function jsonCopy(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

function replaceText(value: unknown, search: string, replacement: string): unknown {
  if (typeof value === 'string') return value.split(search).join(replacement);
  if (Array.isArray(value)) return value.map((item) => replaceText(item, search, replacement));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, replaceText(item, search, replacement)]),
    );
  }
  return value;
}
