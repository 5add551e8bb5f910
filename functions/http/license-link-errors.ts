/**
 * The pages of a license request's confirmation link: unknown (404), expired (410), and, on its
 * button, an earlier request of the licensee's that awaits payment (409 another purpose, 422 other
 * items). JSON stays JSON on the button.
 */
import {
  HELD_REFUSALS,
  licenseHeldRefusalPage,
  licenseLinkProblemPage,
} from '#templates/pages/license-confirmation';
import { pageErrors, type PageContract } from './page-errors.ts';

const LINK_PAGES: PageContract = {
  notFound: (_, { locale }) => licenseLinkProblemPage('UNKNOWN', locale),
  gone: (_, { locale }) => licenseLinkProblemPage('EXPIRED', locale),
};

export const LICENSE_LINK_ERRORS = {
  pages: pageErrors({ ...LINK_PAGES, audience: 'everyone' }),
  forms: pageErrors({
    ...LINK_PAGES,
    audience: 'forms',
    refused: (error, { locale }) =>
      Object.hasOwn(HELD_REFUSALS, error.code)
        ? licenseHeldRefusalPage(error.code as keyof typeof HELD_REFUSALS, locale)
        : undefined,
  }),
};
