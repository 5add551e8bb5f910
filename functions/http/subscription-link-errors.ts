/**
 * The pages of a subscription link that is unknown (404) or too old (410): the same for the
 * confirmation and unsubscribe pages (GET) and for their buttons (POST, where JSON stays JSON).
 */
import { subscriptionLinkProblemPage } from '#templates/pages/subscription';
import { pageErrors, type PageContract } from './page-errors.ts';

const LINK_PAGES: PageContract = {
  notFound: (_, { locale }) => subscriptionLinkProblemPage('UNKNOWN', locale),
  gone: (_, { locale }) => subscriptionLinkProblemPage('EXPIRED', locale),
};

export const SUBSCRIPTION_LINK_ERRORS = {
  pages: pageErrors({ ...LINK_PAGES, audience: 'everyone' }),
  forms: pageErrors({ ...LINK_PAGES, audience: 'forms' }),
};
