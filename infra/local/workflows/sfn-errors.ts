/**
 * The Step Functions API errors the local engine raises, named exactly as AWS names them so the
 * API server can send them on and the SDK turns them back into its own typed exceptions.
 */
export type SfnErrorCode =
  | 'ExecutionAlreadyExists'
  | 'ExecutionDoesNotExist'
  | 'StateMachineDoesNotExist'
  | 'StateMachineAlreadyExists'
  | 'InvalidArn'
  | 'InvalidName'
  | 'InvalidExecutionInput'
  | 'InvalidOutput'
  | 'InvalidToken'
  | 'TaskDoesNotExist'
  | 'TaskTimedOut'
  | 'ValidationException';

export class SfnError extends Error {
  constructor(
    readonly code: SfnErrorCode,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

export function isSfnError(error: unknown, code?: SfnErrorCode): error is SfnError {
  return error instanceof SfnError && (code === undefined || error.code === code);
}
