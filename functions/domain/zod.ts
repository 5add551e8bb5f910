/**
 * The schema API of the whole service: zod's functional API (`zod/mini`), because every handler
 * bundles its schemas and the functional API costs ≈ 18 KB of a bundle where the classic API costs
 * ≈ 90 KB. Import it as `import * as z from '#domain/zod'`.
 *
 * No locale is registered: every refusal a caller sees is worded by field-errors.ts from the issue's
 * code (in both languages), so zod's English messages (≈ 2.7 KB in every bundle) would only ever
 * reach the logs. An issue without a message of its schema's own says {@link DEFAULT_MESSAGE}.
 *
 * Every call that builds a schema at the top of a domain module carries a `@__PURE__` comment: esbuild
 * honours zod's own `@__NO_SIDE_EFFECTS__` marks only inside zod's files, and without the mark a
 * bundle keeps every schema of every domain module it imports anything from (a handler that needs
 * one function of consultation.ts got its comment, disposition and extension schemas too; 5–7 KB
 * of most HTTP bundles). A schema left unmarked still works, its bundles only grow.
 */
import * as z from 'zod/mini';
import { _isoDate, _isoDateTime } from 'zod/v4/core';

export * from 'zod/mini';

/** What zod says of an issue when neither the schema nor a locale words it. */
export const DEFAULT_MESSAGE = 'Invalid input';

/**
 * A page's query parameter that is dropped when it is not valid (a stale or hand-edited link shows
 * the page without it rather than an error): what `z.catch(z.optional(schema), undefined)` makes,
 * built directly, because `z.catch` refers to `core.util.constantCatch` and so bundles the whole
 * of zod's util namespace (≈ 8 KB) into every page that has such a parameter.
 */
export function droppedIfInvalid<T extends z.ZodMiniType>(schema: T) {
  const innerType = z.optional(schema);
  // The constructor's type does not carry the inner type through; `z.catch` would have.
  return new z.ZodMiniCatch({ type: 'catch', innerType, catchValue: () => undefined }) as z.ZodMiniCatch<
    typeof innerType
  >;
}

/**
 * `z.iso.datetime()` and `z.iso.date()`, built from their parts: reached through the `z.iso`
 * namespace, they bundle all of it (times and durations too, ≈ 1.3 KB in every handler).
 */
export const isoDateTime = (): z.ZodMiniISODateTime => _isoDateTime(z.ZodMiniISODateTime);
export const isoDate = (): z.ZodMiniISODate => _isoDate(z.ZodMiniISODate);
