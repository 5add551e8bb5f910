/**
 * A dataset and its data class, which decides whether it may carry a fee and which license applies.
 */
import * as z from './zod.ts';
import { HttpsUrlSchema, IdSchema, LocalizedTextSchema, textField } from './common.ts';

/**
 * The agency's conditions of use for data provided on application: the document a grant on
 * application is made under, named on its certificate.
 */
export const ConditionsOfUseSchema = z.object({
  title: LocalizedTextSchema,
  version: textField(40),
  url: HttpsUrlSchema,
  /** Whether the conditions let a licensee sublicense; a grant on application does not otherwise. */
  sublicensing: z._default(z.boolean(), false),
});
export type ConditionsOfUse = z.infer<typeof ConditionsOfUseSchema>;

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
    /** The year the data was released: part 1 of the OGDL attribution statement names it. */
    releaseYear: z.optional(z.int().check(z.gte(1900), z.lte(9999))),
    /** ON_APPLICATION: the conditions of use its grants are made under. */
    conditionsOfUse: z.optional(ConditionsOfUseSchema),
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
      if (d.classification === 'OPEN' && d.releaseYear === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['releaseYear'],
          message: 'Open data must state the year it was released: its attribution statement names it.',
        });
      }
      if (d.classification === 'ON_APPLICATION' && d.conditionsOfUse === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['conditionsOfUse'],
          message: 'Data provided on application must name the conditions of use its grants are made under.',
        });
      }
    }),
  );
export type Dataset = z.infer<typeof DatasetSchema>;
