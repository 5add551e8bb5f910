/**
 * The fields of the agency's dataset form, each named by the dotted path of the JSON field it
 * fills (POST /datasets, PUT /datasets/{id}), and the body a posted form stands for: typed numbers
 * and yes/no become JSON values, and a group left wholly empty (the description, the conditions of
 * use of data that is not provided on application) is an absent one.
 */
export const DATASET_FORM_FIELDS = [
  'id',
  'title.zh',
  'title.en',
  'version',
  'classification',
  'description.zh',
  'description.en',
  'releaseYear',
  'notProvidedReason',
  'conditionsOfUse.title.zh',
  'conditionsOfUse.title.en',
  'conditionsOfUse.version',
  'conditionsOfUse.url',
  'conditionsOfUse.sublicensing',
  'distributionSha256',
  'landingUrl',
] as const;

const isEmptyGroup = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && Object.values(value).every(isEmptyGroup);

export function datasetFormBody(body: Record<string, unknown>, agencyId: string): Record<string, unknown> {
  const result: Record<string, unknown> = { ...body, agencyId };
  for (const group of ['description', 'conditionsOfUse'])
    if (isEmptyGroup(result[group])) delete result[group];
  const year = result.releaseYear;
  if (typeof year === 'string' && /^\s*\d{1,4}\s*$/.test(year)) result.releaseYear = Number(year);
  const conditions = result.conditionsOfUse as Record<string, unknown> | undefined;
  if (conditions && typeof conditions.sublicensing === 'string')
    conditions.sublicensing = conditions.sublicensing === 'true';
  return result;
}

/** A stored dataset as the form's values (the inverse of datasetFormBody), for its edit form. */
export function datasetFormValues(dataset: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of DATASET_FORM_FIELDS) {
    let value: unknown = dataset;
    for (const part of field.split('.'))
      value =
        typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      values[field] = String(value);
  }
  return values;
}
