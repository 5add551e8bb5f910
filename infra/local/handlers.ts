/**
 * Where the local runtime takes its Lambda handlers from: the source modules (the default), or the
 * bundles the CDK wrapper built for deployment (infra/bundles/build.ts), so the code that ships can
 * run here against the same local services.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BundleSet } from '../bundles/build.ts';

/** The `handler` export of a handler entry (relative to the project root, e.g. `functions/http/…ts`). */
export type LoadHandler = (entry: string) => Promise<unknown>;

const projectRoot = resolve(import.meta.dirname, '../..');
/** Each runtime loads its own copy of every bundle: module state (SDK clients, caches) never leaks between runtimes. */
let generation = 0;

export function handlerLoader(bundles?: BundleSet): LoadHandler {
  const loaded = new Map<string, Promise<unknown>>();
  const load = generation++;
  const url = (entry: string): string => {
    if (!bundles) return pathToFileURL(resolve(projectRoot, entry)).href;
    const dir = bundles.get(entry);
    if (!dir) throw new Error(`No bundle was built for ${entry}.`);
    return `${pathToFileURL(join(dir, 'index.mjs')).href}?runtime=${load}`;
  };
  return (entry) => {
    let handler = loaded.get(entry);
    if (!handler) {
      handler = (import(url(entry)) as Promise<{ handler: unknown }>).then((m) => m.handler);
      loaded.set(entry, handler);
    }
    return handler;
  };
}
