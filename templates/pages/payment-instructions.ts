/**
 * How to pay under a fee schedule, as the public reads it: the payee and each way with its details,
 * Chinese first and English only where the agency gave it. The quote page and mail show it with the
 * request number to quote; the proposal's public page, its preview and the check-answers page show
 * it as filed, so the agency sees what every applicant will be told. In the page's `lang` alone where
 * given; in both languages without it (the workspace's pages).
 */
import type { PaymentInstructions } from '#domain/fee-proposal';
import { inEnglish } from '../agency-text.ts';
import { html, type SafeHtml } from '../escape.ts';
import type { Lang } from '../language.ts';
import { PAYMENT_METHOD_LABELS } from '../labels.ts';
import { both, tr } from './parts.ts';

/** Each way to pay with its details, as a list. */
export function paymentWays(payment: PaymentInstructions, lang?: Lang): SafeHtml {
  return html`<ul>
    ${payment.methods.map((m) => {
      const method = PAYMENT_METHOD_LABELS[m.method];
      const zh = html`<strong>${method.zh}</strong>：<span class="prewrap">${m.details.zh}</span>`;
      const en = `${method.en}: ${inEnglish(m.details)}`;
      return html`<li>
        ${lang === 'en' ? en : lang ? zh : html`${zh} <span class="en" lang="en">${en}</span>`}
      </li>`;
    })}
  </ul>`;
}

const NONE_FILED = {
  zh: '未載明繳費方式；提供機關將個別通知申請人。',
  en: 'No payment instructions: the agency tells each applicant how to pay.',
};

/** The payee and the ways to pay, or that the agency tells each applicant, where none were filed. */
export function paymentInstructionsBlock(payment: PaymentInstructions | undefined, lang?: Lang): SafeHtml {
  if (!payment) return html`<p class="muted">${tr(NONE_FILED, lang)}</p>`;
  const payee =
    lang === 'en'
      ? `Payee: ${inEnglish(payment.payee)}`
      : lang
        ? `受款人：${payment.payee.zh}`
        : html`受款人 <span lang="en">Payee</span>：${both(payment.payee)}`;
  return html`<p>${payee}</p>
    ${paymentWays(payment, lang)}`;
}
