/**
 * The one way this service makes a Lambda function. Every handler (HTTP route, workflow task, deadline)
 * gets the same runtime and bundling, its own log group and its own role, and then only the permissions
 * its own code asks for: the `bind*` helpers set an environment variable and the matching grant
 * together, so a variable without its permission (or the reverse) cannot happen.
 *
 * Defaults, and why:
 * - Node.js 24 on ARM64 (Graviton: cheaper per ms), the major the tests and the local runtime run on (the
 *   `node` devDependency); X-Ray active tracing (one shared policy per stack); 512 MB / 10 s unless the
 *   caller says otherwise; functions that render PDFs get 1,536 MB (fontkit parses a 5.4 MB font, and
 *   the fallback fonts, 19 MB with the CJK collection, when a name needs them: a process that has used
 *   them all stays near 200 MB resident).
 *   HTTP functions render no PDF themselves: certificates come from the render function
 *   (`bindCertificateRenderer`), reports and decision records from the workflow tasks.
 * - esbuild runs locally (no Docker): ESM output with a `createRequire` banner so the CommonJS
 *   dependencies that still call `require` work; `@aws-sdk/*` stays external (the runtime provides
 *   v3), and so does `@aws-lambda-powertools/*` (AWS's layer of the pinned version); minified, with linked source maps and `--enable-source-maps`; the local-only adapters are
 *   compiled out (aws-build.ts).
 * - pdfkit is bundled from its ESM build (esbuild picks the `node`/`import` condition). Bundled pdfkit
 *   cannot load its built-in Helvetica, so the renderers register the CJK font only; the font itself is
 *   not bundled but copied beside `index.mjs` (with its OFL licence) and found via `CJK_FONT_PATH`. So are
 *   the fallback fonts for scripts it lacks (templates/pdf/font-files.ts: Debian's files, each with its
 *   licence), found via `FALLBACK_FONT_DIR`; synth fails if one is not installed.
 * - Its own log group (retention from the deployment settings) and a role without managed policies:
 *   the function may write to its log group and nothing else until something is bound.
 */
import { Duration, RemovalPolicy, Stack, Tags, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Effect, ManagedPolicy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { CfnFunction, ILayerVersion } from 'aws-cdk-lib/aws-lambda';
import { Architecture, LayerVersion, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Charset, NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { BuildOptions } from 'esbuild';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FALLBACK_FONT_DIR_VARIABLE, FALLBACK_FONTS } from '#templates/pdf/font-files';
import { tableDefinition } from '../../table.ts';
import { AWS_BUNDLE_DEFINE } from './aws-build.ts';
import { analyseEntry, type EntryAnalysis, type SettingVariable } from './entry-analysis.ts';
import { nagResource } from './nag.ts';

/** The repository root: handler entries, the lock file and node_modules are found from here. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Bundling settings shared by the wrapper and by the bundle-size tests, so both build the same thing. */
export const BUNDLING = {
  target: 'node22',
  /** Lets bundled CommonJS code (fontkit's dependencies, nodemailer, …) call `require` in an ES module. */
  banner:
    "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  /** The AWS SDK comes with the runtime, Powertools (logger, metrics, tracer) with its layer. */
  external: ['@aws-sdk/*', '@aws-lambda-powertools/*'],
  mainFields: ['module', 'main'],
  /**
   * Minified, names included: the error names the workflow retries are written out in errors.ts
   * rather than taken from class names (keepNames would cost every bundle about 5 %).
   */
  minify: true,
  /**
   * Non-ASCII text (the Chinese of every page) stays as UTF-8 rather than `\uXXXX` escapes: about
   * 4 KB less per page bundle. Node reads source files as UTF-8, so nothing changes at run time.
   */
  charset: 'utf8',
  /** Drops the local-only adapters (mail outbox, blob folder, …): they never run on AWS. */
  define: AWS_BUNDLE_DEFINE,
} as const;

/**
 * Lambda's budget for an HTTP handler's bundle (small bundles start fast), and the room every
 * handler must keep below it, so that a page can grow by a field or two without breaking the
 * budget. The AWS SDK and Powertools are not counted (external: the runtime and the layer provide
 * them). Asserted by test/infra/bundles.test.ts, reported by `npm run bench -- --only bundles`.
 */
export const HTTP_BUNDLE_BUDGET = { limitBytes: 150 * 1024, spareBytes: 40 * 1024 } as const;

/**
 * The same settings as esbuild's own options, for whatever bundles a handler outside CDK to measure
 * it (the bundle-size tests, the bench): spread it, add the entry point and the output.
 */
export const ESBUILD_OPTIONS = {
  absWorkingDir: PROJECT_ROOT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: BUNDLING.target,
  banner: { js: BUNDLING.banner },
  external: [...BUNDLING.external],
  mainFields: [...BUNDLING.mainFields],
  minify: BUNDLING.minify,
  charset: BUNDLING.charset,
  define: { ...BUNDLING.define },
} satisfies BuildOptions;

/** The font every PDF uses, as installed by npm `@embedpdf/fonts-tc`, and its licence. */
export const CJK_FONT_FILE = 'NotoSansHant-Regular.otf';
export const CJK_FONT_SOURCE = path.join(
  PROJECT_ROOT,
  'node_modules/@embedpdf/fonts-tc/fonts',
  CJK_FONT_FILE,
);
const CJK_FONT_LICENCE = path.join(PROJECT_ROOT, 'templates/fonts/NotoSansTC-OFL.txt');
/** Where the font lands in the Lambda package (the bundle directory becomes /var/task). */
export const CJK_FONT_LAMBDA_PATH = `/var/task/${CJK_FONT_FILE}`;
/** The fallback fonts land there too. */
export const FALLBACK_FONT_LAMBDA_DIR = '/var/task';

/** Every file a PDF-rendering function ships beside its bundle: source → name in the package. */
export const PDF_FONT_FILES: readonly { source: string; name: string }[] = [
  { source: CJK_FONT_SOURCE, name: CJK_FONT_FILE },
  { source: CJK_FONT_LICENCE, name: 'NotoSansTC-OFL.txt' },
  ...FALLBACK_FONTS.flatMap((font) => [
    { source: font.installed, name: font.file },
    { source: path.join(PROJECT_ROOT, 'templates/fonts', font.licence), name: font.licence },
  ]),
];

/** Why a PDF-rendering function cannot be built here, if a font it ships is missing. */
export function missingFont(
  entry: string,
  exists: (file: string) => boolean = existsSync,
): string | undefined {
  if (!exists(CJK_FONT_SOURCE)) return `${entry} renders PDFs but ${CJK_FONT_SOURCE} is missing: run npm ci.`;
  const missing = FALLBACK_FONTS.filter((font) => !exists(font.installed));
  if (missing.length === 0) return undefined;
  const packages = [...new Set(missing.map((font) => font.debianPackage))].join(' ');
  return `${entry} renders PDFs but its fallback fonts ${missing.map((font) => font.installed).join(', ')} are missing: apt-get install ${packages} (as .ci/run does).`;
}

/**
 * The one version of Powertools for AWS Lambda the project pins (package.json), which the functions
 * get as AWS's own Powertools layer of that very version. Bundled, the tracer alone (aws-xray-sdk-core)
 * would add about 124 KB to every handler; in the layer it is one shared, cached copy.
 */
export const POWERTOOLS_VERSION = (() => {
  const { dependencies } = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const versions = new Set(
    Object.entries(dependencies)
      .filter(([name]) => name.startsWith('@aws-lambda-powertools/'))
      .map(([, version]) => version),
  );
  const [version] = versions;
  if (versions.size !== 1 || !/^\d+\.\d+\.\d+$/.test(version!))
    throw new Error(
      `@aws-lambda-powertools/* must share one exact version in package.json, found ${[...versions]}.`,
    );
  return version!;
})();

/** Where AWS publishes the ARN of the Powertools layer of each version. */
export const POWERTOOLS_LAYER_PARAMETER = `/aws/service/powertools/typescript/generic/all/${POWERTOOLS_VERSION}`;

/** One reference to the Powertools layer per stack, resolved from AWS's parameter at deployment. */
function powertoolsLayer(stack: Stack): ILayerVersion {
  const id = 'PowertoolsLayer';
  const existing = stack.node.tryFindChild(id);
  if (existing) return existing as ILayerVersion;
  const arn = StringParameter.valueForStringParameter(stack, POWERTOOLS_LAYER_PARAMETER);
  return LayerVersion.fromLayerVersionArn(stack, id, arn);
}

export type DataAccess = 'read' | 'readWrite';

/** The role tag the signing key's policy asks of whoever signs (stateful-stack.ts). */
export const SIGNER_TAG = { key: 'ogdl:signs', value: 'certificates' } as const;

/** DynamoDB actions per access level. Scan is absent on purpose: every access pattern is a Get or a Query. */
const TABLE_ACTIONS: Record<DataAccess, string[]> = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
  readWrite: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:ConditionCheckItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
  ],
};

export interface ServiceFunctionProps {
  /** Handler module relative to the project root; it exports `handler`. */
  entry: string;
  description: string;
  logRetention: RetentionDays;
  memorySize?: number;
  timeout?: Duration;
  /** Only where something must know the ARN before the function exists (see the deadline function). */
  functionName?: string;
  environment?: Record<string, string>;
}

/**
 * The PDF bucket, by a name fixed at synth time (service name, account, region). Referenced by name
 * rather than through a cross-stack export so that the acknowledgement of its object grant can name it.
 */
export interface BlobBucket {
  bucketName: string;
  bucketArn: string;
}

/** A sender identity the service may mail from. */
export interface MailSender {
  /** `MAIL_FROM`: a bare address or `Name <address>` on the verified identity. */
  from: string;
  identityArn: string;
  /** `SES_CONFIGURATION_SET`: every mail is sent through it (suppression, sending events). */
  configurationSetName: string;
  configurationSetArn: string;
}

/** What a function needs to create one-time schedules that invoke the deadline function. */
export interface DeadlineScheduling {
  groupName: string;
  /** ARN pattern of the schedules in the group (`…:schedule/<group>/*`). */
  schedulesArn: string;
  deadlineFunctionArn: string;
  schedulerRoleArn: string;
  /** Where Scheduler puts an invocation that kept failing (the schedule's dead-letter queue). */
  deadLetterQueueArn: string;
}

/** One customer-managed policy per stack with the X-Ray write actions every traced function needs. */
function xrayWritePolicy(stack: Stack): ManagedPolicy {
  const id = 'XRayWritePolicy';
  const existing = stack.node.tryFindChild(id);
  if (existing) return existing as ManagedPolicy;
  const policy = new ManagedPolicy(stack, id, {
    description: 'Lets traced Lambda functions send segments to X-Ray',
    statements: [
      new PolicyStatement({
        actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
        resources: ['*'],
      }),
    ],
  });
  Validations.of(policy).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level permissions.',
  });
  return policy;
}

export class ServiceFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;
  /** The entry, relative to the project root. */
  readonly entryPath: string;
  /** What the handler's import graph says it uses (see entry-analysis.ts). */
  readonly analysis: EntryAnalysis;
  readonly rendersPdf: boolean;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    const analysis = analyseEntry(PROJECT_ROOT, props.entry);
    const rendersPdf = analysis.capabilities.has('pdf');
    const missing = rendersPdf ? missingFont(props.entry) : undefined;
    if (missing) throw new Error(missing);
    this.entryPath = props.entry;
    this.analysis = analysis;
    this.rendersPdf = rendersPdf;
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.entry}`,
    });
    this.logGroup.grantWrite(this.role);
    this.role.addManagedPolicy(xrayWritePolicy(Stack.of(this)));

    this.fn = new NodejsFunction(this, 'Function', {
      entry: path.join(PROJECT_ROOT, props.entry),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      description: props.description,
      functionName: props.functionName,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? (rendersPdf ? 1536 : 512),
      timeout: props.timeout ?? Duration.seconds(10),
      logGroup: this.logGroup,
      role: this.role,
      layers: [powertoolsLayer(Stack.of(this))],
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        ...(rendersPdf
          ? { CJK_FONT_PATH: CJK_FONT_LAMBDA_PATH, [FALLBACK_FONT_DIR_VARIABLE]: FALLBACK_FONT_LAMBDA_DIR }
          : {}),
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: BUNDLING.target,
        banner: BUNDLING.banner,
        externalModules: [...BUNDLING.external],
        mainFields: [...BUNDLING.mainFields],
        minify: BUNDLING.minify,
        charset: Charset.UTF8,
        define: { ...BUNDLING.define },
        sourceMap: true,
        sourceMapMode: SourceMapMode.DEFAULT,
        sourcesContent: false,
        forceDockerBundling: false,
        commandHooks: rendersPdf
          ? {
              beforeBundling: () => [],
              beforeInstall: () => [],
              afterBundling: (_inputDir: string, outputDir: string) =>
                PDF_FONT_FILES.map(({ source, name }) => `cp "${source}" "${path.join(outputDir, name)}"`),
            }
          : undefined,
      },
    });
    // Active tracing, set on the resource so that the X-Ray statement (which must name Resource "*")
    // lives once in the shared policy above instead of in every function's own policy.
    (this.fn.node.defaultChild as CfnFunction).tracingConfig = { mode: 'Active' };
  }

  get functionArn(): string {
    return this.fn.functionArn;
  }

  /** Whether the handler's code uses this capability. */
  uses(capability: Parameters<EntryAnalysis['capabilities']['has']>[0]): boolean {
    return this.analysis.capabilities.has(capability);
  }

  /** The deployment settings its code reads, each as its environment variable; no other. */
  bindSettings(values: Readonly<Record<SettingVariable, string>>): this {
    for (const name of this.analysis.settings) this.fn.addEnvironment(name, values[name]);
    return this;
  }

  /**
   * TOKEN_ISSUER and TOKEN_AUDIENCE: the user pool and app client whose ID tokens the function
   * verifies itself (functions/ports/bearer-tokens.ts, so that a refusal answers the contract's
   * 401). The keys are public, fetched from the issuer: no permission goes with them.
   */
  bindTokenIssuer(userPool: IUserPool, client: IUserPoolClient): this {
    this.fn.addEnvironment(
      'TOKEN_ISSUER',
      `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${userPool.userPoolId}`,
    );
    this.fn.addEnvironment('TOKEN_AUDIENCE', client.userPoolClientId);
    return this;
  }

  /** OIDC_ISSUER and OIDC_CLIENT_ID: the provider the workspace signs in with (no grant: it is reached over HTTPS). */
  bindSignIn(issuer: string, clientId: string): this {
    this.fn.addEnvironment('OIDC_ISSUER', issuer);
    this.fn.addEnvironment('OIDC_CLIENT_ID', clientId);
    return this;
  }

  /** TABLE_NAME + item access on the table and Query on each of its indexes (named, no wildcard). */
  bindTable(table: ITable, access: DataAccess): this {
    this.fn.addEnvironment('TABLE_NAME', table.tableName);
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: TABLE_ACTIONS[access], resources: [table.tableArn] }),
    );
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: tableDefinition.indexes.map((index) => `${table.tableArn}/index/${index.name}`),
      }),
    );
    return this;
  }

  /**
   * BLOB_BUCKET + objects in it. ListBucket is granted so that a missing key reads as NoSuchKey (404)
   * rather than AccessDenied.
   */
  bindBlobs(bucket: BlobBucket, access: DataAccess): this {
    this.fn.addEnvironment('BLOB_BUCKET', bucket.bucketName);
    const objects = `${bucket.bucketArn}/*`;
    // PutObjectRetention: writers lock the official records they store (recordLockedUntil).
    const objectActions =
      access === 'read' ? ['s3:GetObject'] : ['s3:GetObject', 's3:PutObject', 's3:PutObjectRetention'];
    this.role.addToPrincipalPolicy(new PolicyStatement({ actions: objectActions, resources: [objects] }));
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }),
    );
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagResource(this, objects)}]`,
      reason:
        "Objects of the service's own PDF bucket only; keys are generated per proposal and certificate " +
        '(reports/<id>/…, certificates/<number>…), so no fixed list of objects exists.',
    });
    return this;
  }

  /**
   * SIGNING_KEY_ID + kms:GetPublicKey on that key only; with `readWrite` also kms:Sign, and the role
   * tag without which the key's own policy refuses to sign.
   */
  bindSigningKey(key: IKey, access: DataAccess): this {
    this.fn.addEnvironment('SIGNING_KEY_ID', key.keyId);
    const actions = access === 'read' ? ['kms:GetPublicKey'] : ['kms:Sign', 'kms:GetPublicKey'];
    this.role.addToPrincipalPolicy(new PolicyStatement({ actions, resources: [key.keyArn] }));
    if (access === 'readWrite') Tags.of(this.role).add(SIGNER_TAG.key, SIGNER_TAG.value);
    return this;
  }

  /**
   * MAIL_FROM and SES_CONFIGURATION_SET + sending through that SES identity and configuration set
   * only (SES checks the permission on both).
   */
  bindMail(sender: MailSender): this {
    this.fn.addEnvironment('MAIL_FROM', sender.from);
    this.fn.addEnvironment('SES_CONFIGURATION_SET', sender.configurationSetName);
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [sender.identityArn, sender.configurationSetArn],
      }),
    );
    return this;
  }

  /**
   * CERTIFICATE_RENDERER_FUNCTION + invoking that function only (by its unqualified ARN: the latest
   * code, no version or alias).
   */
  bindCertificateRenderer(renderer: ServiceFunction): this {
    this.fn.addEnvironment('CERTIFICATE_RENDERER_FUNCTION', renderer.fn.functionName);
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [renderer.functionArn] }),
    );
    return this;
  }

  /**
   * `envName` = the state machine's ARN, with permission to start executions of it and to complete the
   * callbacks its steps wait on (successfully: no handler fails a step). Nothing else: no describe,
   * no stop, no other machine.
   */
  bindWorkflow(envName: string, stateMachineArn: string): this {
    this.fn.addEnvironment(envName, stateMachineArn);
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['states:StartExecution', 'states:SendTaskSuccess'],
        resources: [stateMachineArn],
      }),
    );
    return this;
  }

  /**
   * SCHEDULE_GROUP_NAME, DEADLINE_FUNCTION_ARN, SCHEDULER_ROLE_ARN, DEADLINE_DLQ_ARN + managing
   * schedules in that group, and invoking the deadline function (a deadline already due fires at once).
   */
  bindDeadlines(deadlines: DeadlineScheduling): this {
    this.fn.addEnvironment('SCHEDULE_GROUP_NAME', deadlines.groupName);
    this.fn.addEnvironment('DEADLINE_FUNCTION_ARN', deadlines.deadlineFunctionArn);
    this.fn.addEnvironment('SCHEDULER_ROLE_ARN', deadlines.schedulerRoleArn);
    this.fn.addEnvironment('DEADLINE_DLQ_ARN', deadlines.deadLetterQueueArn);
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [deadlines.deadlineFunctionArn] }),
    );
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'],
        resources: [deadlines.schedulesArn],
      }),
    );
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagResource(this, deadlines.schedulesArn)}]`,
      reason:
        "Schedules of the service's own deadline group only; one schedule per deadline is created and named at " +
        'run time (consultation close, vote deadline, …), so they cannot be listed in advance.',
    });
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['iam:PassRole'],
        resources: [deadlines.schedulerRoleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    );
    return this;
  }
}
