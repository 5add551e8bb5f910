/**
 * `npm run token -- --role agency --agency moi` prints a bearer token for the local runtime,
 * signed with the key in the data folder (DATA_DIR, default .local/), as Cognito would issue it.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { LocalTokenIssuer } from './token-issuer.ts';

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    agency: { type: 'string' },
    expires: { type: 'string', default: '12h' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (
  values.help ||
  (values.role !== 'agency' && values.role !== 'operator') ||
  (values.role === 'agency' && !values.agency)
) {
  console.error(`Usage: npm run token -- --role agency --agency <agency id> [--expires 12h]
       npm run token -- --role operator
Prints a bearer token for the local runtime (data folder: ${resolve(process.env.DATA_DIR ?? '.local')}).`);
  process.exit(values.help ? 0 : 2);
}

const issuer = await LocalTokenIssuer.open(resolve(process.env.DATA_DIR ?? '.local'));
console.log(await issuer.mint({ role: values.role, agencyId: values.agency, expiresIn: values.expires }));
