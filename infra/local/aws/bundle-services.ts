/**
 * What the local runtime adds when it runs the deployed bundles: those carry only their AWS
 * adapters (the local ones are compiled out), so S3, SES, KMS, Lambda and Scheduler are served by
 * the stand-ins, and the environment is set as CDK sets it on Lambda, pointing at them.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FALLBACK_FONT_DIR_VARIABLE } from '#templates/pdf/font-files';
import type { BundleSet } from '../../bundles/build.ts';
import type { Clock } from '#ports/clock';
import { certificateRendererEntry, deadlineFunctionEntry } from '#tasks/task-functions';
import type { LoadHandler } from '../handlers.ts';
import { kmsStandIn } from './kms.ts';
import { lambdaStandIn } from './lambda.ts';
import type { InvokedFunction } from './lambda.ts';
import { s3StandIn } from './s3.ts';
import { schedulerStandIn } from './scheduler.ts';
import { startAwsStandIns } from './server.ts';
import type { AwsFaultInjector, AwsStandIns } from './server.ts';
import { sesv2StandIn } from './sesv2.ts';

/** The SDK services (as in `AWS_ENDPOINT_URL_<SERVICE>`) the stand-ins answer for. */
const SERVICES = ['S3', 'SESV2', 'KMS', 'LAMBDA', 'SCHEDULER'];
const RENDERER_FUNCTION = 'render-certificate';
const DEADLINE_FUNCTION = 'fire-deadline';
/** The functions the bundles invoke, by name. */
const INVOKED: Record<string, string> = {
  [RENDERER_FUNCTION]: certificateRendererEntry,
  [DEADLINE_FUNCTION]: deadlineFunctionEntry,
};

/** The variables CDK sets for the AWS adapters (see service-function.ts), with local values. */
function awsAdapterEnvironment(bundles: BundleSet): Record<string, string> {
  const renderer = bundles.get(certificateRendererEntry);
  const font = renderer && readdirSync(renderer).find((file) => file.endsWith('.otf'));
  if (!renderer || !font)
    throw new Error(`No bundle with its font was built for ${certificateRendererEntry}.`);
  return {
    MAIL_FROM: 'OGDL 收費審議 <no-reply@ogdl.localhost>',
    BLOB_BUCKET: 'ogdl-local-pdfs',
    SIGNING_KEY_ID: 'local-certificate-signing-key',
    CERTIFICATE_RENDERER_FUNCTION: RENDERER_FUNCTION,
    SCHEDULE_GROUP_NAME: 'ogdl-local-deadlines',
    DEADLINE_FUNCTION_ARN: `arn:aws:lambda:local:000000000000:function:${DEADLINE_FUNCTION}`,
    SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/ogdl-local-scheduler',
    DEADLINE_DLQ_ARN: 'arn:aws:sqs:local:000000000000:ogdl-local-deadline-dead-letters',
    // Every PDF-rendering bundle ships the same fonts beside it; one copy serves them all here.
    CJK_FONT_PATH: join(renderer, font),
    [FALLBACK_FONT_DIR_VARIABLE]: renderer,
  };
}

export const BUNDLE_ENVIRONMENT_NAMES = [
  ...SERVICES.map((s) => `AWS_ENDPOINT_URL_${s}`),
  'MAIL_FROM',
  'BLOB_BUCKET',
  'SIGNING_KEY_ID',
  'CERTIFICATE_RENDERER_FUNCTION',
  'SCHEDULE_GROUP_NAME',
  'DEADLINE_FUNCTION_ARN',
  'SCHEDULER_ROLE_ARN',
  'DEADLINE_DLQ_ARN',
  'CJK_FONT_PATH',
  FALLBACK_FONT_DIR_VARIABLE,
];

export async function startBundleServices(options: {
  bundles: BundleSet;
  dataDir: string;
  clock: Clock;
  loadHandler: LoadHandler;
  faults?: AwsFaultInjector;
}): Promise<AwsStandIns> {
  const services = await startAwsStandIns(
    [
      s3StandIn(join(options.dataDir, 'blobs')),
      sesv2StandIn(join(options.dataDir, 'outbox'), options.clock),
      kmsStandIn(join(options.dataDir, 'kms', 'certificate-signing-key.pem')),
      lambdaStandIn(async (name) => {
        const entry = INVOKED[name];
        return entry === undefined ? undefined : ((await options.loadHandler(entry)) as InvokedFunction);
      }),
      schedulerStandIn(),
    ],
    options.faults,
  );
  for (const service of SERVICES) process.env[`AWS_ENDPOINT_URL_${service}`] = services.endpoint;
  Object.assign(process.env, awsAdapterEnvironment(options.bundles));
  return services;
}
