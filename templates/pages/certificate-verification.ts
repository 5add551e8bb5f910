/**
 * The public verify page of a license certificate: its status in words (zh-TW and English), what
 * that status means for the grant, whether the signature holds, and the record itself. For an OGDL
 * grant it says that the license is irrevocable: a marked record does not withdraw it.
 */
import type { AgencyText } from '../agency-text.ts';
import { html } from '../escape.ts';
import type { SafeHtml } from '../escape.ts';
import { page } from './layout.ts';
import { verifyBox, VERIFY_BOX_STYLES } from './verify-box.ts';
import { both, when } from './parts.ts';
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

function row(label: Label, value: SafeHtml | string): SafeHtml {
  return html`<tr>
    <th scope="row">${label.zh} <span class="en" lang="en">${label.en}</span></th>
    <td>${value}</td>
  </tr>`;
}

export function certificateVerificationPage(view: CertificateVerificationPage): string {
  const words = CERTIFICATE_STATUS_LABELS[view.status];
  const { text, tone } = certificateStatusMeaning({
    status: view.status,
    classification: view.dataset.classification,
    ...(view.revocation ? { reason: view.revocation.reason } : {}),
  });
  const signature = view.signatureValid
    ? html`<div class="notice ok">
        <p>數位簽章驗證通過：證書紀錄與簽署內容一致。</p>
        <p class="en" lang="en">The digital signature verifies: the record is the one that was signed.</p>
      </div>`
    : html`<div class="notice warn">
        <p>數位簽章驗證失敗：此紀錄無法證明由本服務簽發，請勿採信。</p>
        <p class="en" lang="en">
          The digital signature does not verify: this record cannot be shown to come from this service. Do not
          rely on it.
        </p>
      </div>`;
  const copy =
    view.sha256Matches === undefined
      ? html``
      : view.sha256Matches
        ? html`<div class="notice ok">
            <p>您提供的檔案雜湊值與核發之 PDF 相符。</p>
            <p class="en" lang="en">The SHA-256 you gave matches the issued PDF.</p>
          </div>`
        : html`<div class="notice warn">
            <p>您提供的檔案雜湊值與核發之 PDF 不符：該檔案不是本證書的原件。</p>
            <p class="en" lang="en">
              The SHA-256 you gave does not match the issued PDF: that file is not this certificate as issued.
            </p>
          </div>`;
  const reason = view.revocation ? REVOCATION_REASON_LABELS[view.revocation.reason] : undefined;
  const rows: SafeHtml[] = [
    row({ zh: '證書編號', en: 'Certificate No.' }, view.number),
    row({ zh: '狀態', en: 'Status' }, html`${words.zh} <span class="en" lang="en">${words.en}</span>`),
    row(
      { zh: '被授權人', en: 'Licensee' },
      view.licensee
        ? html`<bdi>${view.licensee.name}</bdi
            >${view.licensee.organization ? html`（<bdi>${view.licensee.organization}</bdi>）` : ''}`
        : html`<span class="muted"
            >僅向持有證書連結（QR 碼）或 PDF 檔者顯示。<span class="en" lang="en"
              >Shown only to whoever holds the certificate’s link (its QR code) or its PDF file.</span
            ></span
          >`,
    ),
    row(
      { zh: '資料集', en: 'Dataset' },
      html`${view.dataset.title.zh} <span class="en" lang="en">${view.dataset.title.en}</span><br />版本
        <span lang="en">Version</span> ${view.dataset.version}`,
    ),
    row(
      { zh: '提供機關', en: 'Provided by' },
      html`${view.dataset.agencyName.zh} <span class="en" lang="en">${view.dataset.agencyName.en}</span>`,
    ),
    row(
      { zh: '授權條款', en: 'License' },
      html`${view.license.name.zh}
        <span class="en" lang="en">${view.license.name.en}</span
        >${view.license.spdx ? ` (${view.license.spdx})` : ''}${
          view.license.conditionsTitle
            ? html`<br />${view.license.conditionsTitle.zh}
                <span class="en" lang="en">${view.license.conditionsTitle.en}</span
                >（${view.license.version}）`
            : ''
        }<br /><a href="${view.license.url}">${view.license.url}</a>`,
    ),
    row({ zh: '發證時間', en: 'Issued at' }, when(view.issuedAt)),
  ];
  if (view.sha256)
    rows.push(row({ zh: 'PDF 檔 SHA-256', en: 'PDF SHA-256' }, html`<code>${view.sha256}</code>`));
  if (view.dataset.distributionSha256) {
    rows.push(
      row(
        { zh: '資料檔 SHA-256', en: 'Data file SHA-256' },
        html`<code>${view.dataset.distributionSha256}</code>`,
      ),
    );
  }
  if (view.paid) {
    rows.push(
      row(
        { zh: '收費', en: 'Fee' },
        html`${both(view.paid.scheduleTitle)} (${view.paid.scheduleId})<br />NT$
          ${view.paid.amountTwd}${view.paid.reductionPercent > 0 ? ` · −${view.paid.reductionPercent}%` : ''}`,
      ),
    );
  }
  if (view.revocation && reason) {
    rows.push(
      row(
        { zh: '標示原因', en: 'Reason' },
        html`${reason.zh}
          <span class="en" lang="en">${reason.en}</span
          >${view.revocation.note ? html`<br />${view.revocation.note}` : ''}`,
      ),
      row({ zh: '標示時間', en: 'Marked at' }, when(view.revocation.at)),
    );
  }
  return page(
    { zh: '授權證明書驗證', en: 'License certificate verification' },
    html`<div class="notice ${tone}">
        <p><strong>${words.zh}</strong>：${text.zh}</p>
        <p class="en" lang="en"><strong>${words.en}</strong>: ${text.en}</p>
      </div>
      ${signature} ${copy}
      <table>
        ${rows}
      </table>
      <p>
        ${view.pdfUrl ? html`<a href="${view.pdfUrl}">下載證書 PDF <span lang="en">Download the certificate PDF</span></a> ·` : ''}
        <a href="${view.jwksUrl}">公開金鑰 <span lang="en">Public keys (JWKS)</span></a>
      </p>
      <h2>驗證其他證明書 <span class="en" lang="en">Verify another certificate</span></h2>
      ${verifyBox()}`,
    { styles: VERIFY_BOX_STYLES },
  );
}
