/** Site-relative paths of the agency workspace's desks. */
const enc = encodeURIComponent;

export const workspacePaths = {
  proposals: () => '/agency/proposals',
  newProposal: () => '/agency/proposals/new',
  proposal: (id: string) => `/agency/proposals/${enc(id)}`,
  editProposal: (id: string) => `/agency/proposals/${enc(id)}/edit`,
  previewProposal: (id: string) => `/agency/proposals/${enc(id)}/preview`,
  checkProposal: (id: string) => `/agency/proposals/${enc(id)}/check`,
  submitProposal: (id: string) => `/agency/proposals/${enc(id)}/submit`,
  withdrawProposal: (id: string) => `/agency/proposals/${enc(id)}/withdraw`,
  recordFeeLawStep: (id: string) => `/agency/proposals/${enc(id)}/steps`,
  consultations: () => '/agency/consultations',
  consultationDesk: (id: string) => `/agency/consultations/${enc(id)}`,
  extendConsultation: (id: string) => `/agency/consultations/${enc(id)}/extend`,
  answerComment: (id: string, commentId: string) =>
    `/agency/consultations/${enc(id)}/comments/${enc(commentId)}`,
  /** The licenses desk; `cursor`: a later page of the requests awaiting payment. */
  /** The licenses desk; a later page of one list (the other starts at its first page). */
  licensing: (page: { awaiting?: string; certificates?: string } = {}) =>
    `/agency/licensing${
      page.awaiting
        ? `?cursor=${enc(page.awaiting)}`
        : page.certificates
          ? `?certificates=${enc(page.certificates)}`
          : ''
    }`,
  /** The desk after a payment was confirmed or a certificate marked: the certificate's number says which. */
  licensingNotice: (done: 'paid' | 'revoked', number: string) => `/agency/licensing?${done}=${enc(number)}`,
  licensePayment: (licenseId: string) => `/agency/licensing/${enc(licenseId)}/payment`,
  datasets: () => '/agency/datasets',
  /** The desk after a dataset was saved. */
  datasetSaved: (id: string) => `/agency/datasets?saved=${enc(id)}`,
  newDataset: () => '/agency/datasets/new',
  editDataset: (id: string) => `/agency/datasets/${enc(id)}/edit`,
  revokeCertificate: (number: string) => `/agency/licensing/certificates/${enc(number)}/revoke`,
};
