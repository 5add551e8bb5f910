/**
 * What `npm start` prints: the banner with the local addresses worth opening once the service is
 * up, and the `--help` text with every option. Pure, so both are unit-tested as printed.
 */
import { SEED } from './seed.ts';

/** The environment variables and flags `npm start` reads, each with its default. */
export const START_OPTIONS: readonly [string, string][] = [
  ['PORT', 'the port to listen on (default 3000)'],
  ['DATA_DIR', 'where the data is kept between runs (default .local/)'],
  ['--fresh', 'deletes the data folder first and starts again from the seeded registry'],
  ['--help, -h', 'prints this text'],
];

/** The pages and commands of a running local service: label, address or command, what it is. */
export function localAddresses(url: string): [string, string, string][] {
  return [
    ['Home', `${url}/`, 'open consultations, proposals under review, datasets to license'],
    ['Archive', `${url}/archive`, 'every public proposal: search and filter; the Atom feed at /feed.atom'],
    ['Workspace', `${url}/agency`, 'sign in (no password) as an NLSC clerk, a ministry clerk or an operator'],
    ['Outbox', `${url}/_local/outbox`, 'every mail the service sent, with clickable links'],
    ['OpenAPI', `${url}/openapi.json`, 'every route, generated from the schemas'],
    ['Dataset', `${url}/datasets/${SEED.datasets.onApplication}`, 'a dataset provided on application'],
    [
      'Token',
      `npm run token -- --role agency --agency ${SEED.subordinate}`,
      'for the agency that files on it',
    ],
    ['Clock', `curl -X POST ${url}/_local/clock -d '{"advanceBy":"P61D"}'`, 'moves time on'],
  ];
}

/** Two columns, the first padded to its widest entry; a third column goes on the next line. */
function columns(rows: readonly (readonly string[])[]): string {
  const width = Math.max(...rows.map((row) => row[0]!.length));
  return rows
    .map(([first, second, third]) => {
      const line = `  ${first!.padEnd(width)}  ${second}`;
      return third ? `${line}\n  ${' '.repeat(width)}  ${third}` : line;
    })
    .join('\n');
}

export function startBanner(url: string, dataDir: string): string {
  return `
  Open data fees & licensing (政府資料收費審議與授權) runs at ${url}

${columns(localAddresses(url))}

  Data in ${dataDir}. Options: npm start -- --help. Ctrl-C stops.
`;
}

export function helpText(): string {
  return `Usage: [PORT=3000] [DATA_DIR=.local] npm start [-- --fresh]

Runs the fee-review service on this machine: the same handlers and workflows as on AWS, on
dynalite, a local workflow runner, a mail outbox and a clock you can move forward.

Options:
${columns(START_OPTIONS)}

Once it runs (on the default port):
${columns(localAddresses('http://127.0.0.1:3000').map(([label, address]) => [label, address]))}
`;
}
