/**
 * How to pay under a fee schedule, as the public reads it: the payee and each way with its details,
 * Chinese first and English only where the agency gave it. The quote page and mail show it with the
 * request number to quote; the proposal's public page, its preview and the check-answers page show
 * it as filed, so the agency sees what every applicant will be told.
 */
import type { PaymentInstructions } from '#domain/fee-proposal';
import { inEnglish } from '../agency-text.ts';
import { html, type SafeHtml } from '../escape.ts';
import { PAYMENT_METHOD_LABELS } from '../labels.ts';
import { both } from './parts.ts';

/** Each way to pay with its details, as a list. */
export function paymentWays(payment: PaymentInstructions): SafeHtml {
  return html`<ul>
    ${payment.methods.map(
      (m) =>
        html`<li>
          <strong>${PAYMENT_METHOD_LABELS[m.method].zh}</strong>：<span class="prewrap">${m.details.zh}</span>
          <span class="en" lang="en">${PAYMENT_METHOD_LABELS[m.method].en}: ${inEnglish(m.details)}</span>
        </li>`,
    )}
  </ul>`;
}

/** The payee and the ways to pay, or that the agency tells each applicant, where none were filed. */
export function paymentInstructionsBlock(payment: PaymentInstructions | undefined): SafeHtml {
  if (!payment) {
    return html`<p class="muted">
      未載明繳費方式；提供機關將個別通知申請人。
      <span lang="en">No payment instructions: the agency tells each applicant how to pay.</span>
    </p>`;
  }
  return html`<p>受款人 <span lang="en">Payee</span>：${both(payment.payee)}</p>
    ${paymentWays(payment)}`;
}
