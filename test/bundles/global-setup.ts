// Builds every Lambda bundle once for the bundle tier, with the CDK wrapper itself (bundling on).
import type { TestProject } from 'vitest/node';
import { buildBundles } from '../../infra/bundles/build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** [entry, bundle folder] pairs. */
    bundles: [string, string][];
  }
}

export default function setup(project: TestProject) {
  // A sender is configured as a deployment would have one; the bundles' mail goes to the SES stand-in.
  project.provide('bundles', [...buildBundles({ mailFrom: 'no-reply@ogdl.example.gov.tw' })]);
}
