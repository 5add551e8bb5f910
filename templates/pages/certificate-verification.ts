/**
 * The public verify page of a license certificate (where its QR code lands, mostly on a phone): its
 * status in words, what that status means for the grant, whether the signature holds, and the record
 * itself, in the reader's language. For an OGDL grant it says that the license is irrevocable: a
 * marked record does not withdraw it.
 */
import type { AgencyText } from '../agency-text.ts';
import { html } from '../escape.ts';
import type { SafeHtml } from '../escape.ts';
import { page } from './layout.ts';
import { verifyBox, VERIFY_BOX_STYLES } from './verify-box.ts';
import { when } from './parts.ts';
import { say, type Lang, type PageLocale } from '../language.ts';
import type { CertificateStatus, RevocationReason } from '#domain/license';
import { CERTIFICATE_STATUS_LABELS, REVOCATION_REASON_LABELS, type Label } from '../labels.ts';
import { certificateStatusMeaning } from '../certificate-status.ts';

export interface CertificateVerificationPage {
  number: string;
  status: CertificateStatus;
  /** The PDF's hash, the licensee, the payment and the PDF link: only for the certificate's holder. */
  sha256?: string;
  sha256Matches?: boolean;
  licensee?: { name: string; organization?: string };
  dataset: {
    agencyName: Label;
    title: Label;
    version: string;
    classification: 'OPEN' | 'ON_APPLICATION';
    distributionSha256?: string;
  };
  license: { name: Label; version: string; url: string; spdx?: string; conditionsTitle?: Label };
  paid?: { scheduleId: string; scheduleTitle: AgencyText; amountTwd: number; reductionPercent: number };
  issuedAt: string;
  signatureValid: boolean;
  revocation?: { reason: RevocationReason; note: string; at: string };
  pdfUrl?: string;
  jwksUrl: string;
}

const W = {
  signatureOk: {
    zh: '數位簽章驗證通過：證書紀錄與簽署內容一致。',
    en: 'The digital signature verifies: the record is the one that was signed.',
  },
  signatureBad: {
    zh: '數位簽章驗證失敗：此紀錄無法證明由本服務簽發，請勿採信。',
    en: 'The digital signature does not verify: this record cannot be shown to come from this service. Do not rely on it.',
  },
  copyOk: { zh: '您提供的檔案雜湊值與核發之 PDF 相符。', en: 'The SHA-256 you gave matches the issued PDF.' },
  copyBad: {
    zh: '您提供的檔案雜湊值與核發之 PDF 不符：該檔案不是本證書的原件。',
    en: 'The SHA-256 you gave does not match the issued PDF: that file is not this certificate as issued.',
  },
  number: { zh: '證書編號', en: 'Certificate No.' },
  status: { zh: '狀態', en: 'Status' },
  licensee: { zh: '被授權人', en: 'Licensee' },
  licenseeHidden: {
    zh: '僅向持有證書連結（QR 碼）或 PDF 檔者顯示。',
    en: 'Shown only to whoever holds the certificate’s link (its QR code) or its PDF file.',
  },
  dataset: { zh: '資料集', en: 'Dataset' },
  version: { zh: '版本', en: 'Version' },
  agency: { zh: '提供機關', en: 'Provided by' },
  license: { zh: '授權條款', en: 'License' },
  issuedAt: { zh: '發證時間', en: 'Issued at' },
  pdfSha: { zh: 'PDF 檔 SHA-256', en: 'PDF SHA-256' },
  dataSha: { zh: '資料檔 SHA-256', en: 'Data file SHA-256' },
  fee: { zh: '收費', en: 'Fee' },
  reason: { zh: '標示原因', en: 'Reason' },
  markedAt: { zh: '標示時間', en: 'Marked at' },
  download: { zh: '下載證書 PDF', en: 'Download the certificate PDF' },
  keys: { zh: '公開金鑰', en: 'Public keys (JWKS)' },
  another: { zh: '驗證其他證明書', en: 'Verify another certificate' },
  title: { zh: '授權證明書驗證', en: 'License certificate verification' },
} satisfies Record<string, Label>;

function row(label: string, value: SafeHtml | string): SafeHtml {
  return html`<tr>
    <th scope="row">${label}</th>
    <td>${value}</td>
  </tr>`;
}

const notice = (tone: 'ok' | 'warn', text: string) => html`<div class="notice ${tone}"><p>${text}</p></div>`;

export function certificateVerificationPage(view: CertificateVerificationPage, locale: PageLocale): string {
  const lang: Lang = locale.lang;
  const t = say(lang);
  const colon = lang === 'zh' ? '：' : ': ';
  const words = CERTIFICATE_STATUS_LABELS[view.status];
  const { text, tone } = certificateStatusMeaning({
    status: view.status,
    classification: view.dataset.classification,
    ...(view.revocation ? { reason: view.revocation.reason } : {}),
  });
  const signature = view.signatureValid ? notice('ok', t(W.signatureOk)) : notice('warn', t(W.signatureBad));
  const copy =
    view.sha256Matches === undefined
      ? html``
      : view.sha256Matches
        ? notice('ok', t(W.copyOk))
        : notice('warn', t(W.copyBad));
  const reason = view.revocation ? REVOCATION_REASON_LABELS[view.revocation.reason] : undefined;
  const rows: SafeHtml[] = [
    row(t(W.number), view.number),
    row(t(W.status), t(words)),
    row(
      t(W.licensee),
      view.licensee
        ? html`<bdi>${view.licensee.name}</bdi
            >${view.licensee.organization ? html`（<bdi>${view.licensee.organization}</bdi>）` : ''}`
        : html`<span class="muted">${t(W.licenseeHidden)}</span>`,
    ),
    row(t(W.dataset), html`${t(view.dataset.title)}<br />${t(W.version)} ${view.dataset.version}`),
    row(t(W.agency), t(view.dataset.agencyName)),
    row(
      t(W.license),
      html`${t(view.license.name)}${view.license.spdx ? ` (${view.license.spdx})` : ''}${
          view.license.conditionsTitle
            ? html`<br />${t(view.license.conditionsTitle)}（${view.license.version}）`
            : ''
        }<br /><a href="${view.license.url}">${view.license.url}</a>`,
    ),
    row(t(W.issuedAt), when(view.issuedAt, lang)),
  ];
  if (view.sha256) rows.push(row(t(W.pdfSha), html`<code>${view.sha256}</code>`));
  if (view.dataset.distributionSha256)
    rows.push(row(t(W.dataSha), html`<code>${view.dataset.distributionSha256}</code>`));
  if (view.paid) {
    rows.push(
      row(
        t(W.fee),
        html`${t(view.paid.scheduleTitle)} (${view.paid.scheduleId})<br />NT$
          ${view.paid.amountTwd}${view.paid.reductionPercent > 0 ? ` · −${view.paid.reductionPercent}%` : ''}`,
      ),
    );
  }
  if (view.revocation && reason) {
    rows.push(
      row(t(W.reason), html`${t(reason)}${view.revocation.note ? html`<br />${view.revocation.note}` : ''}`),
      row(t(W.markedAt), when(view.revocation.at, lang)),
    );
  }
  return page(
    W.title,
    html`<div class="notice ${tone}">
        <p><strong>${t(words)}</strong>${colon}${t(text)}</p>
      </div>
      ${signature} ${copy}
      <table>
        ${rows}
      </table>
      <p>
        ${view.pdfUrl ? html`<a href="${view.pdfUrl}">${t(W.download)}</a> ·` : ''}
        <a href="${view.jwksUrl}">${t(W.keys)}</a>
      </p>
      <h2>${t(W.another)}</h2>
      ${verifyBox(lang)}`,
    { locale, styles: VERIFY_BOX_STYLES },
  );
}
