/**
 * `.waitForTaskToken` emulation, which aws-local-stepfunctions lacks: each callback task gets a
 * fresh opaque token (256 random bits), and the task's promise waits under it until
 * SendTaskSuccess/SendTaskFailure settles it or its deadline on the engine's clock passes.
 * Tokens are secrets held by whoever completes the task: nothing here logs them.
 */
import { randomBytes } from 'node:crypto';
import { SfnError } from './sfn-errors.ts';

export interface PendingCallback {
  executionArn: string;
  stateName: string;
  /** Epoch ms on the engine's clock after which the task fails with States.Timeout. */
  deadline: number;
  /** The handler has returned, so the execution is parked on this token rather than working. */
  parked: boolean;
  resolve(output: unknown): void;
  reject(error: Error): void;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{1,2048}$/;

export class CallbackRegistry {
  private readonly byToken = new Map<string, PendingCallback>();

  issue(
    executionArn: string,
    stateName: string,
    deadline: number,
  ): { token: string; result: Promise<unknown> } {
    const token = randomBytes(32).toString('base64url');
    const { promise, resolve, reject } = Promise.withResolvers<unknown>();
    // A task may be failed while its handler still runs, before anyone awaits the promise: mark
    // it handled now so that is not an unhandled rejection (the awaiter still sees the error).
    promise.catch(() => undefined);
    this.byToken.set(token, { executionArn, stateName, deadline, parked: false, resolve, reject });
    return { token, result: promise };
  }

  /** Called when the task's handler has returned: from now on the execution only waits. */
  park(token: string): void {
    const pending = this.byToken.get(token);
    if (pending) pending.parked = true;
  }

  /** The waiting task, or the error AWS gives for this token. */
  find(token: string): PendingCallback {
    if (typeof token !== 'string' || !TOKEN_SHAPE.test(token))
      throw new SfnError('InvalidToken', 'Invalid Token: the task token is malformed.');
    const pending = this.byToken.get(token);
    if (!pending)
      throw new SfnError(
        'TaskDoesNotExist',
        'Task does not exist: it completed, timed out, or was issued before a restart.',
      );
    return pending;
  }

  /** Withdraws a token without settling it (its handler failed, or its execution stopped). */
  withdraw(token: string): void {
    this.byToken.delete(token);
  }

  /** Removes and returns every task of the execution matching the filter (all by default). */
  withdrawExecution(
    executionArn: string,
    filter: (pending: PendingCallback) => boolean = () => true,
  ): PendingCallback[] {
    return this.removeWhere((pending) => pending.executionArn === executionArn && filter(pending));
  }

  /** Removes and returns the tasks whose deadline is at or before `now`. */
  takeDue(now: number): PendingCallback[] {
    return this.removeWhere((pending) => pending.deadline <= now);
  }

  parkedByState(executionArn: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const pending of this.byToken.values()) {
      if (pending.executionArn === executionArn && pending.parked)
        counts.set(pending.stateName, (counts.get(pending.stateName) ?? 0) + 1);
    }
    return counts;
  }

  private removeWhere(test: (pending: PendingCallback) => boolean): PendingCallback[] {
    const removed: PendingCallback[] = [];
    for (const [token, pending] of this.byToken) {
      if (test(pending)) {
        this.byToken.delete(token);
        removed.push(pending);
      }
    }
    return removed;
  }
}
