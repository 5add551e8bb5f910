/**
 * Turns the library's event log into Step Functions history events (GetExecutionHistory), as
 * close to AWS's shape as the log allows: state entered/exited per state type, task failures and
 * timeouts, map iterations, and the execution's own start and end.
 */
import type { LibraryEvent } from './activity.ts';

export interface HistoryEvent {
  /** Epoch ms on the engine's clock. */
  timestamp: number;
  type: string;
  id: number;
  previousEventId: number;
  [details: string]: unknown;
}

export interface HistoryDetails {
  type: string;
  [details: string]: unknown;
}

interface FullLibraryEvent extends LibraryEvent {
  input?: unknown;
  output?: unknown;
  Error?: string;
  Cause?: unknown;
  index?: number;
  parentState?: { name: string };
  state?: { name: string; type: string; input?: unknown; output?: unknown };
}

/** AWS's event for one library event, or undefined when AWS has no counterpart. */
export function toHistoryDetails(
  raw: LibraryEvent,
  isCallbackTask: (stateName: string) => boolean,
): HistoryDetails | undefined {
  const event = raw as FullLibraryEvent;
  const state = event.state;
  switch (event.type) {
    case 'ExecutionStarted':
      return {
        type: 'ExecutionStarted',
        executionStartedEventDetails: { input: json(event.input), roleArn: LOCAL_ROLE_ARN },
      };
    case 'ExecutionSucceeded':
      return { type: 'ExecutionSucceeded', executionSucceededEventDetails: { output: json(event.output) } };
    case 'ExecutionFailed':
      return { type: 'ExecutionFailed', executionFailedEventDetails: errorDetails(event) };
    case 'StateEntered':
      return (
        state && {
          type: `${state.type}StateEntered`,
          stateEnteredEventDetails: { name: state.name, input: json(state.input) },
        }
      );
    case 'StateExited':
      return (
        state && {
          type: `${state.type}StateExited`,
          stateExitedEventDetails: { name: state.name, output: json(state.output) },
        }
      );
    case 'StateFailed':
      if (!state) return undefined;
      if (state.type === 'Task') {
        const resource = isCallbackTask(state.name) ? 'invoke.waitForTaskToken' : 'invoke';
        const details = { resourceType: 'lambda', resource, ...errorDetails(event) };
        return event.Error === 'States.Timeout'
          ? { type: 'TaskTimedOut', taskTimedOutEventDetails: details }
          : { type: 'TaskFailed', taskFailedEventDetails: details };
      }
      return state.type === 'Map' || state.type === 'Parallel'
        ? { type: `${state.type}StateFailed` }
        : undefined;
    case 'MapIterationStarted':
    case 'MapIterationSucceeded':
    case 'MapIterationFailed':
      return {
        type: event.type,
        [`${lowerFirst(event.type)}EventDetails`]: { name: event.parentState?.name, index: event.index },
      };
    default:
      return undefined;
  }
}

export const LOCAL_ROLE_ARN = 'arn:aws:iam::000000000000:role/local-workflows';

function errorDetails(event: FullLibraryEvent): { error: string; cause: string } {
  return {
    error: event.Error ?? '',
    cause: typeof event.Cause === 'string' ? event.Cause : json(event.Cause),
  };
}

function json(value: unknown): string {
  return JSON.stringify(value ?? null);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
