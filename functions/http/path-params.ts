/** Path parameter schemas shared by the handlers: any id shape is looked up (unknown → 404). */
import * as z from 'zod';

export const IdParam = z.object({ id: z.string().min(1).max(200) });
export type IdParam = z.infer<typeof IdParam>;
