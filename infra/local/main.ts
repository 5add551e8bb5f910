/**
 * `npm start`: the whole service on this machine. Its options and the banner it prints are in
 * start-text.ts (`npm start -- --help`).
 */
import { parseArgs } from 'node:util';
import { isPortFree } from './dynalite-server.ts';
import { startLocalRuntime } from './runtime.ts';
import { helpText, startBanner } from './start-text.ts';

const { values } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(helpText());
  process.exit(0);
}

const port = Number(process.env.PORT ?? 3000);
if (!(await isPortFree(port))) {
  console.error(`Port ${port} is in use. Stop the other process or run with PORT=<another port> npm start.`);
  process.exit(1);
}

const runtime = await startLocalRuntime({ port, fresh: values.fresh, dataDir: process.env.DATA_DIR });
console.log(
  JSON.stringify({
    level: 'info',
    msg: 'local runtime ready',
    url: runtime.url,
    dataDir: runtime.dataDir,
    seeded: runtime.seeded,
    now: runtime.clock.now().toISOString(),
  }),
);
console.log(startBanner(runtime.url, runtime.dataDir));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    runtime.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
