/**
 * The quote mail: once a licensee confirmed the address of a paid request, the quote as stored
 * (lines, reduction, total, rounding rule), how to pay as the schedule says, the reference to quote
 * with the payment and the link to the quote's page. Sent once per request (its idempotency key);
 * the caller admits it within the recipient's mail limit before anything is stored.
 */
import type { LicenseRecord } from '#domain/license-records';
import { mailer } from '#ports/adapters';
import { licenseQuoteMail } from '#templates/mail/license-mails';
import { links } from './links.ts';
import { quoteView } from './quote-view.ts';

/** Whether the request has something to pay, and so a quote to mail. */
export const hasQuoteToMail = (license: LicenseRecord): boolean => (license.quote?.lines.length ?? 0) > 0;

export async function mailQuote(license: LicenseRecord): Promise<void> {
  await (
    await mailer()
  ).send({
    to: [license.licensee.email],
    ...licenseQuoteMail({
      reference: license.id,
      datasetTitle: license.dataset.title,
      quote: quoteView(license.quote!),
      quoteUrl: links.license(license.id),
      ...(license.lang ? { lang: license.lang } : {}),
    }),
    idempotencyKey: `license-quote-${license.id}`,
  });
}
