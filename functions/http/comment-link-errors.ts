/** The pages of a comment's confirmation link that is unknown (404) or expired (410): GET and the button alike. */
import { linkProblemPage } from '#templates/pages/comment-verification';
import { pageErrors, type PageContract } from './page-errors.ts';

const LINK_PAGES: PageContract = {
  notFound: (_, { locale }) => linkProblemPage('UNKNOWN', locale),
  gone: (_, { locale }) => linkProblemPage('EXPIRED', locale),
};

export const COMMENT_LINK_ERRORS = {
  pages: pageErrors({ ...LINK_PAGES, audience: 'everyone' }),
  forms: pageErrors({ ...LINK_PAGES, audience: 'forms' }),
};
