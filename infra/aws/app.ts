/**
 * CDK entry point (`cdk.json` → `npx tsx infra/aws/app.ts`). Deploys to the account and region of the
 * caller's credentials; without credentials the stacks synthesize environment-agnostic.
 */
import { App } from 'aws-cdk-lib';
import { buildService } from './service.ts';
import { SettingsError } from './settings.ts';

const app = new App();
const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;
try {
  buildService(app, { env: account && region ? { account, region } : undefined });
} catch (error) {
  // A setting to fix is said in one line; anything else is a bug and keeps its stack trace.
  if (!(error instanceof SettingsError)) throw error;
  console.error(`Cannot synthesize: ${error.message}`);
  process.exit(1);
}
app.synth();
