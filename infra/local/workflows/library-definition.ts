/**
 * What aws-local-stepfunctions is given to run: a copy of the checked definition whose timeouts
 * can never reach a Node timer beyond 2^31-1 ms (such a timer fires at once), plus the facts the
 * engine needs about the states. The engine enforces callback-task and execution timeouts itself,
 * against its injected clock, so that advancing the clock is what makes them fire.
 */
import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import { allStates, isObject, type JsonObject } from './asl-walk.ts';
import { LAMBDA_INVOKE_CALLBACK, MAX_TIMER_SECONDS } from './definition-guard.ts';

/** What AWS applies when a Task has no TimeoutSeconds (99,999,999 s, about 3.2 years). */
export const AWS_DEFAULT_TASK_TIMEOUT_SECONDS = 99_999_999;

export interface StateInfo {
  type: string;
  /** Parallel/Map states this one is nested in, outermost first. */
  ancestors: string[];
  /** For `.waitForTaskToken` tasks: the timeout the engine enforces on its clock. */
  callbackTimeoutSeconds?: number;
}

export interface LibraryDefinition {
  definition: StateMachineDefinition;
  states: Map<string, StateInfo>;
  /** The definition's top-level TimeoutSeconds, enforced by the engine on its clock. */
  executionTimeoutSeconds?: number;
  /** [state name, FunctionName] of every Task whose function is fixed in the definition. */
  functionNames: [string, string][];
}

export function toLibraryDefinition(checked: JsonObject): LibraryDefinition {
  const copy = structuredClone(checked);
  const executionTimeoutSeconds = typeof copy.TimeoutSeconds === 'number' ? copy.TimeoutSeconds : undefined;
  delete copy.TimeoutSeconds;
  const states = new Map<string, StateInfo>();
  const functionNames: [string, string][] = [];
  for (const { name, state, ancestors } of allStates(copy)) {
    const info: StateInfo = { type: String(state.Type), ancestors };
    if (state.Type === 'Task') {
      const functionName = isObject(state.Parameters) ? state.Parameters.FunctionName : undefined;
      if (typeof functionName === 'string') functionNames.push([name, functionName]);
      const declared = typeof state.TimeoutSeconds === 'number' ? state.TimeoutSeconds : undefined;
      if (state.Resource === LAMBDA_INVOKE_CALLBACK) {
        // The library's own timer only backs ours up; it must not fire first (nor at once).
        info.callbackTimeoutSeconds = declared ?? AWS_DEFAULT_TASK_TIMEOUT_SECONDS;
        state.TimeoutSeconds = MAX_TIMER_SECONDS;
      } else {
        // A plain invoke runs in real time, so a short declared timeout stays with the library;
        // the library's default of 60 s is not AWS's, which has none worth the name.
        state.TimeoutSeconds = Math.min(declared ?? MAX_TIMER_SECONDS, MAX_TIMER_SECONDS);
      }
    }
    states.set(name, info);
  }
  return {
    definition: copy as unknown as StateMachineDefinition,
    states,
    executionTimeoutSeconds,
    functionNames,
  };
}
