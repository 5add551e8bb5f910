/** Site-relative paths of the public pages, so a page links the same way on any host. */
const enc = encodeURIComponent;

export const pagePaths = {
  home: () => '/',
  consultation: (proposalId: string) => `/consultations/${enc(proposalId)}`,
  licenseRequest: (datasetId: string) => `/licenses/new?datasetId=${enc(datasetId)}`,
  commentAction: (proposalId: string) => `/fee-proposals/${enc(proposalId)}/comments`,
  licenseAction: () => '/licenses',
  license: (licenseId: string) => `/licenses/${enc(licenseId)}`,
};
