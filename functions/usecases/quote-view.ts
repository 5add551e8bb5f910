/** A stored quote as the licensee reads it, on the license page and in the quote mail alike. */
import type { LicenseQuote } from '#domain/license-records';
import type { QuoteView } from '#templates/pages/license';
import { pagePaths } from './page-paths.ts';

export function quoteView(quote: LicenseQuote): QuoteView {
  const { schedule, ...rest } = quote;
  return {
    ...rest,
    ...(schedule
      ? {
          schedule: {
            title: schedule.title,
            url: pagePaths.consultation(schedule.proposalId),
            legalBasis: schedule.legalBasis,
            ...(schedule.payment ? { payment: schedule.payment } : {}),
          },
        }
      : {}),
  };
}
