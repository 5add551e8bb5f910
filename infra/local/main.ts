/**
 * `npm start`: the whole service on this machine. Options: `--fresh` starts from an empty data
 * folder; env PORT (default 3000) and DATA_DIR (default .local).
 */
import { parseArgs } from 'node:util';
import { isPortFree } from './dynalite-server.ts';
import { startLocalRuntime } from './runtime.ts';

const { values } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`Usage: npm start [-- --fresh]

Runs the fee-review service locally at http://127.0.0.1:$PORT (default 3000), keeping data in
$DATA_DIR (default .local/). --fresh deletes that data first.

  GET  /openapi.json           the API
  GET  /_local/outbox          mails the service sent
  POST /_local/clock           {"advanceBy":"P61D"} moves time on; due deadlines fire first
  npm run token -- --role agency --agency moi   prints a bearer token`);
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
console.log(
  `\n  Service:  ${runtime.url}/openapi.json\n  Token:    npm run token -- --role agency --agency moi\n`,
);

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
