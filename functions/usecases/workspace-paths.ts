/** Site-relative paths of the agency workspace's proposal editor and consultation desk. */
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
  consultations: () => '/agency/consultations',
  consultationDesk: (id: string) => `/agency/consultations/${enc(id)}`,
  extendConsultation: (id: string) => `/agency/consultations/${enc(id)}/extend`,
  answerComment: (id: string, commentId: string) =>
    `/agency/consultations/${enc(id)}/comments/${enc(commentId)}`,
};
