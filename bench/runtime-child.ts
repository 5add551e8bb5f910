// Child process: the local runtime (`startLocalRuntime`, DynamoDB in memory unless the argument is `disk`) alone in a process of its
// own, so that the load generator in the parent does not share its event loop. The parent drives it over
// IPC: seed the registry and proposals at scale, or close.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalRuntime } from '#local/runtime';
import { seedAtScale, type ScaleSeed } from './scale-seed.ts';

export type RuntimeCommand = { seed: ScaleSeed } | { close: true };
export type RuntimeMessage =
  | { ready: { url: string } }
  | { seeded: { datasets: number; proposals: number; ms: number } }
  | { failed: string };

const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-runtime-'));
// Quiet: a request log line per request would cost more than some of the requests.
process.env.LOG_LEVEL ??= 'error';
// The load benchmarks are one client sending thousands of writes: the service's per-client limit
// would measure its 429s instead.
process.env.RATE_LIMIT_PUBLIC_WRITES ??= '1000000000/600';
process.env.RATE_LIMIT_MAILS_PER_RECIPIENT ??= '1000000000/86400';
const inMemory = process.argv[2] !== 'disk';
const runtime = await startLocalRuntime({ port: 0, inMemory, dataDir, fresh: true });
const send = (message: RuntimeMessage) => process.send!(message);
send({ ready: { url: runtime.url } });

process.on('message', (command: RuntimeCommand) => {
  void (async () => {
    try {
      if ('seed' in command) {
        const start = performance.now();
        const seeded = await seedAtScale(command.seed);
        send({ seeded: { ...seeded, ms: performance.now() - start } });
      } else {
        await runtime.close();
        rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      }
    } catch (error) {
      send({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  })();
});
