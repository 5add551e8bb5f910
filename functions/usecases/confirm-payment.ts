/**
 * Confirm the payment for a license on application:
 * 1. only the agency that provides the dataset (or an operator) may;
 * 2. the license must be awaiting payment (paid already → 409);
 * 3. the amount must equal the quote exactly (422 otherwise: nothing undeclared is charged or waived),
 *    and the day it was received lie between the request and today (422 PAYMENT_DATE_OUT_OF_RANGE);
 * 4. the payment is recorded by one conditional write on the license, so of two confirmations
 *    racing only one wins; the other gets 409;
 * 5. the certificate is issued.
 */
import { ConflictError, NotFoundError, RuleViolationError } from '#domain/errors';
import { checkPaymentDate, type PaymentInput } from '#domain/license';
import type { LicenseRecord } from '#domain/license-records';
import type { Principal } from '#domain/principal';
import { currentClock } from '#ports/clock';
import { licenseRepository } from '#ports/license-repository';
import { requireActingFor } from './access.ts';
import { actorOf } from './actors.ts';
import { taipeiDate } from '#domain/taipei-time';
import { issueCertificate } from './issue-certificate.ts';
import type { Issued } from './issue-certificate.ts';

export async function confirmPayment(
  licenseId: string,
  input: PaymentInput,
  principal: Principal | undefined,
): Promise<Issued> {
  const found = await licenseRepository.get(licenseId);
  if (!found) throw new NotFoundError('License', licenseId);
  const license = found.value;
  requireActingFor(principal, license.dataset.agencyId);
  assertAwaitingPayment(license);

  const due = license.quote!.totalTwd;
  if (input.amountTwd !== due) {
    throw new RuleViolationError(
      'PAYMENT_AMOUNT_MISMATCH',
      `The quote for license '${licenseId}' is NT$ ${due}; a payment of NT$ ${input.amountTwd} cannot be confirmed.`,
      [
        {
          path: 'amountTwd',
          message: `Must equal the quoted total, ${due}.`,
          rule: 'PAYMENT_AMOUNT_MISMATCH',
          messages: {
            zh: `須與報價之應繳金額 ${due} 元相同。`,
            en: `Must equal the quoted total, NT$ ${due}.`,
          },
        },
      ],
    );
  }

  const now = currentClock().now().toISOString();
  const receivedOn = input.receivedOn ?? taipeiDate(now);
  checkPaymentDate(receivedOn, { requestDate: license.requestDate, today: taipeiDate(now) });

  const actor = actorOf(principal);
  const paid: LicenseRecord = {
    ...license,
    status: 'ISSUING',
    payment: {
      amountTwd: input.amountTwd,
      reference: input.reference,
      receivedOn,
      confirmedAt: now,
      confirmedBy: actor.id ? `${actor.kind}:${actor.id}` : actor.kind,
    },
  };
  let revision: number;
  try {
    revision = await licenseRepository.replace(paid, found.revision);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const reread = await licenseRepository.get(licenseId);
    if (reread) assertAwaitingPayment(reread.value);
    throw error;
  }
  return issueCertificate({ value: paid, revision });
}

function assertAwaitingPayment(license: LicenseRecord): void {
  if (license.status === 'AWAITING_PAYMENT') return;
  if (license.payment) {
    throw new ConflictError(
      'LICENSE_ALREADY_PAID',
      `The payment for license '${license.id}' was confirmed already.`,
    );
  }
  throw new ConflictError(
    'LICENSE_NOT_AWAITING_PAYMENT',
    `License '${license.id}' is ${license.status.toLowerCase().replace('_', ' ')}; it awaits no payment.`,
  );
}
