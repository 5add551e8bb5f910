/** Mails the agency's contact address, when it has one; the key makes a repeated step send once. */
import { mailer } from '#ports/adapters';
import type { OutgoingMail } from '#ports/mailer';
import { agencyRepository } from '#ports/registry-repository';
import type { RenderedMail } from '#templates/mail/format';

export async function mailAgency(
  agencyId: string,
  mail: RenderedMail,
  idempotencyKey: string,
): Promise<void> {
  const agency = await agencyRepository.get(agencyId);
  if (!agency?.contactEmail) return;
  const message: OutgoingMail = { to: [agency.contactEmail], ...mail, idempotencyKey };
  await (await mailer()).send(message);
}
