/**
 * A form's limits read from the schema that parses it: each field's `maxlength` and whether it is
 * `required`, by the dotted path the form names it with, so that a form says the limits its route
 * enforces rather than numbers written again beside the schema.
 */
import type * as z from './zod.ts';

export interface FieldLimit {
  maxlength?: number;
  required: boolean;
}

export type FieldLimits = Record<string, FieldLimit>;

interface Def {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  innerType?: z.ZodMiniType;
  in?: z.ZodMiniType;
  element?: z.ZodMiniType;
  checks?: { _zod: { def: { check: string; maximum?: number } } }[];
}

const defOf = (schema: z.ZodMiniType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Wrappers that leave a field absent-able (optional, a default) or only pass it on (a pipe). */
const OPTIONAL = new Set(['optional', 'default', 'prefault', 'nullable', 'catch']);

/** The least `maxLength` of a text field (a string, or a pipe from one); none for lists and the rest. */
function maxLengthOf(schema: z.ZodMiniType): number | undefined {
  const def = defOf(schema);
  if (def.type === 'pipe') return def.in ? maxLengthOf(def.in) : undefined;
  if (def.type !== 'string') return undefined;
  const own = def.checks
    ?.map((c) => c._zod.def)
    .filter((c) => c.check === 'max_length' && c.maximum !== undefined)
    .map((c) => c.maximum!);
  return own?.length ? Math.min(...own) : undefined;
}

function collect(schema: z.ZodMiniType, path: string, required: boolean, into: FieldLimits): void {
  const def = defOf(schema);
  if (OPTIONAL.has(def.type) && def.innerType) return collect(def.innerType, path, false, into);
  if (def.type === 'object' && def.shape) {
    for (const [key, field] of Object.entries(def.shape))
      collect(field, path ? `${path}.${key}` : key, required, into);
    return;
  }
  // A list's rows are named by index in a form (`members.0.name`); their limits go under `*`.
  if (def.type === 'array' && def.element) collect(def.element, `${path}.*`, true, into);
  const maxlength = maxLengthOf(schema);
  into[path] = { required, ...(maxlength === undefined ? {} : { maxlength }) };
}

/**
 * `{body: {maxlength: 5000, required: true}, 'author.name': {maxlength: 100, required: false}, …}`;
 * a list's row fields by `*` (`'members.*.name': {maxlength: 100, required: true}`).
 */
export function fieldLimitsOf(schema: z.ZodMiniType): FieldLimits {
  const limits: FieldLimits = {};
  collect(schema, '', true, limits);
  return limits;
}
