/**
 * One local workflow engine behind its Step Functions API server, and a real SFNClient pointed at
 * it through AWS_ENDPOINT_URL_SFN exactly as the handlers' client is; plus the toy fixtures and an
 * inbox that hands task tokens from handlers to the test as explicit signals.
 */
import { readFileSync } from 'node:fs';
import { SFNClient } from '@aws-sdk/client-sfn';
import { LocalClock } from '#local/local-clock';
import { LocalWorkflowEngine, type TaskFunction } from '#local/workflows/engine';
import { startSfnApiServer, type SfnApiServer } from '#local/workflows/sfn-api';

export function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/workflows/${name}.asl.json`, import.meta.url), 'utf8');
}

export interface Harness {
  engine: LocalWorkflowEngine;
  clock: LocalClock;
  api: SfnApiServer;
  sfn: SFNClient;
  logs: object[];
  register(
    fixtureName: string,
    functions: Record<string, TaskFunction>,
    substitutions?: Record<string, string>,
  ): string;
  close(): Promise<void>;
}

export async function startHarness(options: { dataDir?: string; clock?: LocalClock } = {}): Promise<Harness> {
  const clock = options.clock ?? new LocalClock();
  const logs: object[] = [];
  const engine = new LocalWorkflowEngine({
    clock,
    dataDir: options.dataDir,
    log: (entry) => logs.push(entry),
  });
  const api = await startSfnApiServer(engine);
  process.env.AWS_ENDPOINT_URL_SFN = api.url;
  const sfn = new SFNClient({ region: 'local', maxAttempts: 1 });
  return {
    engine,
    clock,
    api,
    sfn,
    logs,
    register: (fixtureName, functions, substitutions) =>
      engine.registerStateMachine({
        name: fixtureName,
        definition: fixture(fixtureName),
        functions,
        substitutions,
      }),
    async close() {
      sfn.destroy();
      engine.close();
      await api.close();
    },
  };
}

/** Values handlers hand over (task tokens, calls), awaited one by one with a bound. */
export class Inbox<T> {
  private readonly items: T[] = [];
  private readonly waiters: ((item: T) => void)[] = [];

  push(item: T): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(item);
    else this.items.push(item);
  }

  next(what: string, timeoutMs = 10_000): Promise<T> {
    const ready = this.items.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`No ${what} arrived within ${timeoutMs} ms.`)),
        timeoutMs,
      );
      this.waiters.push((item) => {
        clearTimeout(timer);
        resolve(item);
      });
    });
  }

  get size(): number {
    return this.items.length;
  }
}

/** A handler for a callback task that hands its token (and payload) to the test. */
export function parkingHandler(
  inbox: Inbox<{ taskToken: string; payload: Record<string, unknown> }>,
): TaskFunction {
  return async (payload) => {
    const body = payload as Record<string, unknown>;
    inbox.push({ taskToken: String(body.taskToken), payload: body });
    return { parked: true };
  };
}
