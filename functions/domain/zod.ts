/**
 * The schema API of the whole service: zod's functional API (`zod/mini`), because every handler
 * bundles its schemas and the functional API costs ≈ 18 KB of a bundle where the classic API costs
 * ≈ 90 KB. Import it as `import * as z from '#domain/zod'`.
 *
 * No locale is registered: every refusal a caller sees is worded by field-errors.ts from the issue's
 * code (in both languages), so zod's English messages (≈ 2.7 KB in every bundle) would only ever
 * reach the logs. An issue without a message of its schema's own says {@link DEFAULT_MESSAGE}.
 */
export * from 'zod/mini';

/** What zod says of an issue when neither the schema nor a locale words it. */
export const DEFAULT_MESSAGE = 'Invalid input';
