/**
 * The fields of the license request form, each named by the dotted path of the JSON field it fills.
 * Its own module: the API route that reads the form needs the names, not the page.
 */
export const LICENSE_FORM_FIELDS = [
  'datasetId',
  'licensee.name',
  'licensee.email',
  'licensee.organization',
  'purpose',
] as const;
