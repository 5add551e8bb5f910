/** The certificate number in a path: any short text is looked up (not a number → 404). */
import * as z from 'zod';

export const CertificateNumberParam = z.object({ number: z.string().min(1).max(64) });
