/** The bundles the global setup built, and the local runtime running on them. */
import { inject } from 'vitest';
import type { BundleSet } from '../../infra/bundles/build.ts';
import type { LocalRuntimeOptions } from '#local/runtime';
import { startTestRuntime } from '../support/runtime.ts';

export const builtBundles = (): BundleSet => new Map(inject('bundles'));

/** The local runtime with every handler and task loaded from its deployed bundle. */
export function startBundleRuntime(options: LocalRuntimeOptions = {}) {
  // Retries wait milliseconds here instead of the definition's intervals; their count is as defined.
  return startTestRuntime({ bundles: builtBundles(), retryIntervalMs: 20, ...options });
}
