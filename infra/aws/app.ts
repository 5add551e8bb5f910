/**
 * CDK entry point (`cdk.json` → `npx tsx infra/aws/app.ts`). Deploys to the account and region of the
 * caller's credentials; without credentials the stacks synthesize environment-agnostic.
 */
import { App } from 'aws-cdk-lib';
import { buildService } from './service.ts';

const app = new App();
const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;
buildService(app, { env: account && region ? { account, region } : undefined });
app.synth();
