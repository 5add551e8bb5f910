/**
 * A `States.Timeout` error that aws-local-stepfunctions treats as its own. The library matches
 * Retry/Catch by error name, except that `States.TaskFailed` must not match a timeout (as in AWS):
 * it tells them apart with `instanceof` on a class it does not export. So the class is obtained
 * once, from a throwaway one-state machine that times out after 1 ms, and the engine's clock-based
 * callback timeouts are raised as instances of it.
 */
import '../polyfills.ts';
import { ExecutionError, StateMachine } from 'aws-local-stepfunctions';

type ErrorClass = new () => Error;

let probed: Promise<ErrorClass> | undefined;

export function statesTimeoutError(): Promise<Error> {
  probed ??= probeTimeoutClass();
  return probed.then((TimeoutClass) => new TimeoutClass());
}

async function probeTimeoutClass(): Promise<ErrorClass> {
  const machine = new StateMachine(
    {
      StartAt: 'Probe',
      States: {
        Probe: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', TimeoutSeconds: 0.001, End: true },
      },
    },
    { validationOptions: { noValidate: true } },
  );
  const never = new Promise<never>(() => undefined);
  const run = machine.run({}, { overrides: { taskResourceLocalHandlers: { Probe: () => never } } });
  try {
    await run.result;
  } catch (error) {
    const cause = error instanceof ExecutionError ? error.cause : undefined;
    if (cause instanceof Error && cause.name === 'States.Timeout') return cause.constructor as ErrorClass;
  }
  // The library changed how it times out: fall back to a plain error of the right name, which
  // still matches States.Timeout and States.ALL (only States.TaskFailed would then match it too).
  return class extends Error {
    constructor() {
      super('States.Timeout');
      this.name = 'States.Timeout';
    }
  };
}
