/**
 * A dataset and its data class, which decides whether it may carry a fee and which license applies.
 */
import * as z from './zod.ts';
import { IdSchema, LocalizedTextSchema, textField } from './common.ts';

export const DataClassSchema = z.enum(['OPEN', 'ON_APPLICATION', 'NOT_PROVIDED']);
export type DataClass = z.infer<typeof DataClassSchema>;

export const DatasetSchema = z
  .object({
    id: IdSchema,
    agencyId: IdSchema,
    title: LocalizedTextSchema,
    /** Certificates pin a version, so it is required even for datasets that never change. */
    version: textField(40),
    classification: DataClassSchema,
    description: z.optional(LocalizedTextSchema),
    /** Lower-case hex SHA-256 of the distribution, printed on certificates when known. */
    distributionSha256: z.optional(
      z.pipe(
        z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, 'A SHA-256 digest is 64 hexadecimal characters.')),
        z.transform((s: string) => s.toLowerCase()),
      ),
    ),
    /** The legal reason a NOT_PROVIDED dataset is withheld. */
    notProvidedReason: z.optional(textField(1000)),
    landingUrl: z.optional(
      z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).check(z.maxLength(2000)),
    ),
  })
  .check(
    z.superRefine((d, ctx) => {
      if (d.classification === 'NOT_PROVIDED' && d.notProvidedReason === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['notProvidedReason'],
          message: 'A dataset that is not provided must state the legal reason.',
        });
      }
    }),
  );
export type Dataset = z.infer<typeof DatasetSchema>;
