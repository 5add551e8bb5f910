/**
 * Every Lambda bundle of the service, built by the CDK wrapper itself: the whole app is synthesized
 * with bundling on (as `cdk deploy` does), and each ServiceFunction of the stateless stack and of its
 * nested route stacks is read back with the asset folder CDK staged for it. Those folders are what would be uploaded to Lambda
 * (minified ESM, the AWS SDK external, the font beside the PDF renderers), so the local runtime can
 * load them in place of the source (`startLocalRuntime({ bundles })`).
 *
 * The cloud assembly is written under node_modules/.cache so that the bundles' external imports
 * (`@aws-sdk/*`, which the Lambda runtime provides) resolve from the project's node_modules.
 */
import { App, Stack } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, ServiceFunction } from '../aws/constructs/service-function.ts';
import { buildService } from '../aws/service.ts';

type StackTemplate = { Resources: Record<string, { Metadata?: Record<string, string> }> };

/** Handler entry (relative to the project root) → the folder its deployed bundle lives in. */
export type BundleSet = ReadonlyMap<string, string>;

export const BUNDLE_CACHE = path.join(PROJECT_ROOT, 'node_modules/.cache/ogdl-bundles');

/** cdk.json's context without its `//` comments, as `cdk synth` passes it to the app. */
export function cdkJsonContext(): Record<string, unknown> {
  const { context } = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  return Object.fromEntries(Object.entries(context).filter(([key]) => !key.startsWith('//')));
}

/**
 * Synthesizes the service with bundling on and returns each function's bundle folder. cdk-nag is
 * left out (the infra tier runs it); `context` adds to cdk.json's, e.g. a mail sender.
 */
export function buildBundles(context: Record<string, unknown> = {}, outdir = BUNDLE_CACHE): BundleSet {
  rmSync(outdir, { recursive: true, force: true });
  const app = new App({
    outdir,
    context: {
      ...cdkJsonContext(),
      ...context,
      'aws:cdk:bundling-stacks': ['**'],
      'aws:cdk:enable-asset-metadata': true,
    },
  });
  const { stateless } = buildService(app, { nag: false });
  const assembly = app.synth();
  // A route's function sits in a nested stack of the stateless stack (route-stacks.ts).
  const templates = new Map<Stack, StackTemplate>();
  const templateOf = (stack: Stack): StackTemplate => {
    let template = templates.get(stack);
    if (!template) {
      template = JSON.parse(
        readFileSync(path.join(assembly.directory, stack.templateFile), 'utf8'),
      ) as StackTemplate;
      templates.set(stack, template);
    }
    return template;
  };
  const bundles = new Map<string, string>();
  for (const construct of stateless.node.findAll()) {
    if (!(construct instanceof ServiceFunction)) continue;
    const stack = Stack.of(construct);
    const logicalId = stack.resolve(
      stack.getLogicalId(construct.fn.node.defaultChild as CfnFunction),
    ) as string;
    const assetPath = templateOf(stack).Resources[logicalId]?.Metadata?.['aws:asset:path'];
    if (!assetPath) throw new Error(`No bundle staged for ${construct.entryPath}.`);
    bundles.set(construct.entryPath, path.join(assembly.directory, assetPath));
  }
  return bundles;
}
