/**
 * A form's body as posted (every field a string), for routes that read the form's fields themselves
 * (the operator console's). A file of its own: a schema built at load time is in every bundle that
 * imports its module, and forms.ts is in every page's.
 */
import * as z from '#domain/zod';

export const FormBody = z.record(z.string(), z.string());
