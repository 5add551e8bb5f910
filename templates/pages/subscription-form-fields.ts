/**
 * The fields of the subscription form, each named by the JSON field it fills. Its own module: the
 * API route that reads the form needs the names, not the page.
 */
export const SUBSCRIPTION_FORM_FIELDS = ['email', 'datasetId', 'proposalId'] as const;
