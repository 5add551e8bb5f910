/**
 * "My licenses" without an account: whoever can read an address's mail can list the licenses
 * requested with it.
 * 1. the request: an address is mailed a link (a secret, valid a day) to its licenses, within the
 *    recipient's mail limit (429 otherwise); the answer is the same whether or not the address
 *    holds any, so it reveals nothing about one;
 * 2. the link's page: the licenses confirmed from that address, newest first, each with where it
 *    stands (awaiting payment, or its certificate's status as it is now) and its page. Requests
 *    never confirmed are left out: anyone may type an address into the form.
 */
import type { Lang } from '#domain/common';
import { GoneError, NotFoundError } from '#domain/errors';
import type { MyLicensesRequest } from '#domain/license';
import type { LicenseRecord } from '#domain/license-records';
import { mailer } from '#ports/adapters';
import { currentClock } from '#ports/clock';
import { licenseRepository } from '#ports/license-repository';
import { myLicensesLinkRepository } from '#ports/my-licenses-link-repository';
import { hashSecret, looksLikeSecret, newSecret } from '#ports/secrets';
import { myLicensesMail } from '#templates/mail/license-mails';
import type { MyLicenseEntry, MyLicensesView } from '#templates/pages/my-licenses';
import { links } from './links.ts';
import { pagePaths } from './page-paths.ts';
import { admitMailTo } from './rate-limits.ts';

/** How long a mailed link lists the licenses. */
const LINK_VALID_MS = 86_400_000;

/** `lang`: the language the request expressed (functions/http/language.ts), which the mail is written in. */
export async function mailMyLicensesLink(input: MyLicensesRequest, lang?: Lang): Promise<void> {
  await admitMailTo(input.email);
  const expiresAt = new Date(currentClock().now().getTime() + LINK_VALID_MS).toISOString();
  const { secret, hash } = newSecret();
  await myLicensesLinkRepository.create(hash, { email: input.email, expiresAt });
  await (
    await mailer()
  ).send({
    to: [input.email],
    ...myLicensesMail({ url: links.myLicenses(secret), expiresAt, ...(lang ? { lang } : {}) }),
    idempotencyKey: `my-licenses-${hash}`,
  });
}

/** The licenses a link lists: 404 for an unknown link, 410 once it expired. */
export async function myLicensesView(secret: string): Promise<MyLicensesView> {
  const link = looksLikeSecret(secret) ? await myLicensesLinkRepository.get(hashSecret(secret)) : undefined;
  if (!link) throw new NotFoundError('Licenses link', 'given', 'MY_LICENSES_LINK_NOT_FOUND');
  if (currentClock().now().getTime() >= Date.parse(link.expiresAt))
    throw new GoneError('MY_LICENSES_LINK_EXPIRED', 'This link has expired; ask for a new one.');
  const confirmed = (await licenseRepository.listByLicensee(link.email)).filter(
    (l) => l.status !== 'AWAITING_EMAIL_CONFIRMATION' && l.status !== 'ALREADY_HELD',
  );
  const licenses = await Promise.all(confirmed.reverse().map(entryOf));
  return { expiresAt: link.expiresAt, licenses };
}

async function entryOf(license: LicenseRecord): Promise<MyLicenseEntry> {
  const number = license.certificate?.number;
  const certificate = number ? (await licenseRepository.getCertificate(number))?.value : undefined;
  return {
    id: license.id,
    url: pagePaths.license(license.id),
    dataset: {
      title: license.dataset.title,
      version: license.dataset.version,
      agencyName: license.dataset.agencyName,
    },
    requestedAt: license.requestedAt,
    standing: certificate?.status ?? (license.status === 'AWAITING_PAYMENT' ? 'AWAITING_PAYMENT' : 'ISSUING'),
    ...(certificate
      ? { certificate: { number: certificate.number, issuedAt: certificate.claims.issuedAt } }
      : {}),
  };
}
