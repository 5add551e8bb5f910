/** Path parameter schemas shared by the handlers: any id shape is looked up (unknown → 404). */
import * as z from '#domain/zod';

export const IdParam = z.object({ id: z.string().check(z.minLength(1), z.maxLength(200)) });
export type IdParam = z.infer<typeof IdParam>;

/** The secret of a mailed link (a ballot, a confirmation, an unsubscribe link): looked up by its hash. */
export const SecretParam = z.object({ secret: z.string().check(z.minLength(1), z.maxLength(200)) });
