/**
 * A dataset and its data class, which decides whether it may carry a fee and which license applies.
 */
import * as z from './zod.ts';
import { labelFields } from './field-errors.ts';
import { DOMAIN_NAME, HttpsUrlSchema, IdSchema, LocalizedTextSchema, textField } from './common.ts';

/**
 * The agency's conditions of use for data provided on application: the document a grant on
 * application is made under, named on its certificate.
 */
export const ConditionsOfUseSchema = /* @__PURE__ */ z.object({
  title: LocalizedTextSchema,
  version: /* @__PURE__ */ textField(40),
  url: HttpsUrlSchema,
  /** Whether the conditions let a licensee sublicense; a grant on application does not otherwise. */
  sublicensing: /* @__PURE__ */ z._default(/* @__PURE__ */ z.boolean(), false),
});
export type ConditionsOfUse = z.infer<typeof ConditionsOfUseSchema>;

export const DataClassSchema = /* @__PURE__ */ z.enum(['OPEN', 'ON_APPLICATION', 'NOT_PROVIDED']);
export type DataClass = z.infer<typeof DataClassSchema>;

/** The dataset form's and body's field labels (field-errors.ts). */
export type DatasetLabels = typeof DATASET_LABELS;
export const DATASET_LABELS = {
  id: { zh: '資料集代碼', en: 'Dataset id' },
  agencyId: { zh: '機關代碼', en: 'Agency id' },
  title: { zh: '資料集名稱', en: 'Title' },
  'title.zh': { zh: '資料集名稱（中文）', en: 'Title in Chinese' },
  'title.en': { zh: '資料集名稱（英文）', en: 'Title in English' },
  version: { zh: '版本', en: 'Version' },
  classification: { zh: '資料類別', en: 'Data class' },
  description: { zh: '說明', en: 'Description' },
  'description.zh': { zh: '說明（中文）', en: 'Description in Chinese' },
  'description.en': { zh: '說明（英文）', en: 'Description in English' },
  distributionSha256: { zh: '資料檔 SHA-256 雜湊值', en: 'Distribution SHA-256' },
  releaseYear: { zh: '釋出年份', en: 'Year released' },
  conditionsOfUse: { zh: '利用條件文件', en: 'Conditions of use' },
  'conditionsOfUse.title': { zh: '利用條件名稱', en: 'Title of the conditions' },
  'conditionsOfUse.title.zh': { zh: '利用條件名稱（中文）', en: 'Title of the conditions in Chinese' },
  'conditionsOfUse.title.en': { zh: '利用條件名稱（英文）', en: 'Title of the conditions in English' },
  'conditionsOfUse.version': { zh: '利用條件版本', en: 'Version of the conditions' },
  'conditionsOfUse.url': { zh: '利用條件網址', en: 'Address of the conditions' },
  'conditionsOfUse.sublicensing': { zh: '得否再授權', en: 'Sublicensing allowed' },
  notProvidedReason: { zh: '不提供之法律依據', en: 'Legal reason for not providing it' },
  landingUrl: { zh: '資料集網頁', en: 'Landing page' },
};

export const DatasetSchema = /* @__PURE__ */ labelFields(
  /* @__PURE__ */ z
    .object({
      id: IdSchema,
      agencyId: IdSchema,
      title: LocalizedTextSchema,
      /** Certificates pin a version, so it is required even for datasets that never change. */
      version: /* @__PURE__ */ textField(40),
      classification: DataClassSchema,
      description: /* @__PURE__ */ z.optional(LocalizedTextSchema),
      /** Lower-case hex SHA-256 of the distribution, printed on certificates when known. */
      distributionSha256: /* @__PURE__ */ z.optional(
        /* @__PURE__ */ z.pipe(
          /* @__PURE__ */ z
            .string()
            .check(
              /* @__PURE__ */ z.regex(/^[0-9a-fA-F]{64}$/, 'A SHA-256 digest is 64 hexadecimal characters.'),
            ),
          /* @__PURE__ */ z.transform((s: string) => s.toLowerCase()),
        ),
      ),
      /** The year the data was released: part 1 of the OGDL attribution statement names it. */
      releaseYear: /* @__PURE__ */ z.optional(
        /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1900), /* @__PURE__ */ z.lte(9999)),
      ),
      /** ON_APPLICATION: the conditions of use its grants are made under. */
      conditionsOfUse: /* @__PURE__ */ z.optional(ConditionsOfUseSchema),
      /** The legal reason a NOT_PROVIDED dataset is withheld. */
      notProvidedReason: /* @__PURE__ */ z.optional(/* @__PURE__ */ textField(1000)),
      landingUrl: /* @__PURE__ */ z.optional(
        /* @__PURE__ */ z
          .url({ protocol: /^https?$/, hostname: DOMAIN_NAME })
          .check(/* @__PURE__ */ z.maxLength(2000)),
      ),
    })
    .check(
      /* @__PURE__ */ z.superRefine((d, ctx) => {
        if (d.classification === 'NOT_PROVIDED' && d.notProvidedReason === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['notProvidedReason'],
            message: 'A dataset that is not provided must state the legal reason.',
            params: { zh: '不提供之資料集須載明其法律依據。' },
          });
        }
        if (d.classification === 'OPEN' && d.releaseYear === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['releaseYear'],
            message: 'Open data must state the year it was released: its attribution statement names it.',
            params: { zh: '開放資料須載明釋出年份，其姓名標示聲明會引用。' },
          });
        }
        if (d.classification === 'ON_APPLICATION' && d.conditionsOfUse === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['conditionsOfUse'],
            message:
              'Data provided on application must name the conditions of use its grants are made under.',
            params: { zh: '申請提供之資料須載明授權所依據之利用條件。' },
          });
        }
      }),
    ),
  DATASET_LABELS,
);
export type Dataset = z.infer<typeof DatasetSchema>;
