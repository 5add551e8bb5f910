/** The certificate number in a path: any short text is looked up (not a number → 404). */
import * as z from '#domain/zod';

export const CertificateNumberParam = z.object({ number: z.string().check(z.minLength(1), z.maxLength(64)) });
