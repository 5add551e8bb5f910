/**
 * The schema API of the whole service: zod's functional API (`zod/mini`), because every handler
 * bundles its schemas and the functional API costs ≈ 18 KB of a bundle where the classic API costs
 * ≈ 90 KB. Unlike the classic API, `zod/mini` registers no messages of its own; the English ones are
 * registered here, so that a refusal names the rule in words ("Too small: expected string to have
 * >=1 characters") wherever a schema is parsed. Import it as `import * as z from '#domain/zod'`.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

const english = en();
z.config(english);

/** zod's own English wording of an issue, so field-errors.ts can tell a schema's own message from it. */
export const standardMessage = english.localeError;

export * from 'zod/mini';
