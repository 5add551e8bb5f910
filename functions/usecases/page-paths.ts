/** Site-relative paths of the public pages, so a page links the same way on any host. */
const enc = encodeURIComponent;

export const pagePaths = {
  home: () => '/',
  consultation: (proposalId: string) => `/consultations/${enc(proposalId)}`,
  commentForm: (proposalId: string) => `/consultations/${enc(proposalId)}#comment-form`,
  comment: (proposalId: string, commentId: string) =>
    `/consultations/${enc(proposalId)}#comment-${enc(commentId)}`,
  report: (proposalId: string) => `/consultations/${enc(proposalId)}/report`,
  reportPage: (proposalId: string, page: number) => `/consultations/${enc(proposalId)}/report?page=${page}`,
  reportPdf: (proposalId: string) => `/fee-proposals/${enc(proposalId)}/consultation-report?format=pdf`,
  decision: (proposalId: string) => `/consultations/${enc(proposalId)}/decision`,
  decisionPdf: (proposalId: string) => `/fee-proposals/${enc(proposalId)}/decision?format=pdf`,
  trail: (proposalId: string) => `/consultations/${enc(proposalId)}/events`,
  /** One revision of the decision record as issued (0: as published with the decision). */
  decisionPdfRevision: (proposalId: string, revision: number) =>
    `/fee-proposals/${enc(proposalId)}/decision?format=pdf&revision=${revision}`,
  events: (proposalId: string) => `/fee-proposals/${enc(proposalId)}/events`,
  dataset: (datasetId: string) => `/datasets/${enc(datasetId)}`,
  /** The schedule in force on a dataset, the next one and every earlier one. */
  feeSchedules: (datasetId: string) => `/datasets/${enc(datasetId)}/fee-schedules`,
  datasetDcat: (datasetId: string) => `/datasets/${enc(datasetId)}?format=jsonld`,
  licenseRequest: (datasetId: string) => `/licenses/new?datasetId=${enc(datasetId)}`,
  commentAction: (proposalId: string) => `/fee-proposals/${enc(proposalId)}/comments`,
  licenseAction: () => '/licenses',
  license: (licenseId: string) => `/licenses/${enc(licenseId)}`,
  /** The archive with its filters (those given) and the page's cursor. */
  archive: (filters: Record<string, string | number | undefined> = {}) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(filters))
      if (value !== undefined && value !== '') query.set(name, String(value));
    const search = query.toString();
    return search ? `/archive?${search}` : '/archive';
  },
  feed: () => '/feed.atom',
  /** A certificate's verify page (what its QR code opens, without the token). */
  verify: (number: string) => `/certificates/${enc(number)}/verify`,
  /** The form that mails the link to one's licenses, and where it ends (`sent`). */
  myLicensesForm: (sent?: boolean) => `/my-licenses/new${sent ? '?sent=1' : ''}`,
  myLicensesAction: () => '/my-licenses',
  myLicenses: (secret: string) => `/my-licenses/${enc(secret)}`,
  /** The subscription form for every new consultation, or one dataset's or proposal's (`sent`: after it). */
  subscribeForm: (options: { datasetId?: string; proposalId?: string; sent?: boolean } = {}) => {
    const query = new URLSearchParams();
    if (options.datasetId) query.set('datasetId', options.datasetId);
    if (options.proposalId) query.set('proposalId', options.proposalId);
    if (options.sent) query.set('sent', '1');
    const search = query.toString();
    return search ? `/subscriptions/new?${search}` : '/subscriptions/new';
  },
  subscribeAction: () => '/subscriptions',
  subscriptionConfirmation: (secret: string) => `/subscriptions/${enc(secret)}`,
  unsubscribe: (secret: string) => `/unsubscribe/${enc(secret)}`,
};
