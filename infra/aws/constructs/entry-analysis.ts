/**
 * What a handler entry needs from AWS, read from its own code rather than from a list kept by hand:
 * esbuild bundles the project's modules (package.json `#imports` included) with every npm package left
 * external, and the AWS SDK clients that survive tree shaking say which resources the function touches.
 * A handler that starts importing the SFN client gets the workflow permissions at the next synth; one
 * that stops using S3 loses its bucket grant. Dynamic `import('./x.ts')` with a literal path is followed,
 * so adapters chosen at run time (SES or S3) count as used; the local-only ones (outbox, folder) are
 * compiled out with the same constants as the deployed bundle, so they never count.
 */
import { buildSync } from 'esbuild';
import path from 'node:path';
import { AWS_BUNDLE_DEFINE } from './aws-build.ts';

export type Capability =
  | 'table'
  | 'workflow'
  | 'scheduler'
  | 'blobs'
  | 'signing'
  | 'mail'
  | 'pdf'
  | 'certificate-rendering'
  | 'sign-in';

/** Which npm import means which capability. */
const BY_PACKAGE: Readonly<Record<string, Capability>> = {
  '@aws-sdk/client-dynamodb': 'table',
  '@aws-sdk/lib-dynamodb': 'table',
  '@aws-sdk/client-sfn': 'workflow',
  '@aws-sdk/client-scheduler': 'scheduler',
  '@aws-sdk/client-s3': 'blobs',
  '@aws-sdk/client-kms': 'signing',
  '@aws-sdk/client-sesv2': 'mail',
  '@aws-sdk/client-ses': 'mail',
};

/** The module that reads the CJK font: whoever bundles it renders PDFs and needs the font file beside it. */
const PDF_FONT_MODULE = 'templates/pdf/fonts.ts';
/** The adapter that invokes the render function: whoever bundles it must be allowed to. */
const CERTIFICATE_RENDERER_MODULE = 'functions/ports/certificate-renderer-lambda.ts';
/** The OpenID client of the workspace sign-in: whoever bundles it needs the issuer and client id. */
const SIGN_IN_MODULE = 'functions/ports/sign-in-provider.ts';

/**
 * Environment variables that carry a deployment setting (CDK context → function environment): a function
 * gets one exactly when its code reads it, found as the quoted name in its bundle.
 */
export const SETTING_VARIABLES = ['FEE_LAW_STEPS'] as const;
export type SettingVariable = (typeof SETTING_VARIABLES)[number];

export interface EntryAnalysis {
  capabilities: ReadonlySet<Capability>;
  /** The deployment settings its code reads from the environment. */
  settings: ReadonlySet<SettingVariable>;
  /** Project modules that contribute code to the bundle, relative to the project root. */
  modules: readonly string[];
  /** npm packages (and node: built-ins) the bundle imports. */
  packages: readonly string[];
}

const cache = new Map<string, EntryAnalysis>();

/** Analyses `entry` (relative to `projectRoot`); throws with esbuild's message when it does not resolve. */
export function analyseEntry(projectRoot: string, entry: string): EntryAnalysis {
  const key = path.resolve(projectRoot, entry);
  const cached = cache.get(key);
  if (cached) return cached;
  let metafile, outputFiles;
  try {
    ({ metafile, outputFiles } = buildSync({
      absWorkingDir: projectRoot,
      entryPoints: [entry],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      define: { ...AWS_BUNDLE_DEFINE },
      outdir: 'analysis-not-written',
      logLevel: 'silent',
    }));
  } catch (error) {
    throw new Error(`Cannot analyse handler ${entry}: ${(error as Error).message}`, { cause: error });
  }
  // The output after tree shaking, not the input graph: a module that offers several adapters (mail,
  // blobs, signing) counts only for the ones this handler's code actually calls.
  const output = Object.values(metafile.outputs).find((o) => o.entryPoint !== undefined);
  if (!output) throw new Error(`Cannot analyse handler ${entry}: esbuild produced no output.`);
  const packages = new Set<string>();
  const capabilities = new Set<Capability>();
  for (const imported of output.imports) {
    if (!imported.external) continue;
    const name = packageName(imported.path);
    packages.add(name);
    const capability = BY_PACKAGE[name];
    if (capability) capabilities.add(capability);
  }
  const modules = Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([file]) => file.split(path.sep).join('/'));
  if (modules.includes(PDF_FONT_MODULE)) capabilities.add('pdf');
  if (modules.includes(CERTIFICATE_RENDERER_MODULE)) capabilities.add('certificate-rendering');
  if (modules.includes(SIGN_IN_MODULE)) capabilities.add('sign-in');
  const code = outputFiles.find((file) => file.path.endsWith('.js'))?.text ?? '';
  const settings = new Set(SETTING_VARIABLES.filter((name) => code.includes(JSON.stringify(name))));
  const analysis: EntryAnalysis = { capabilities, settings, modules, packages: [...packages].sort() };
  cache.set(key, analysis);
  return analysis;
}

function packageName(specifier: string): string {
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}
