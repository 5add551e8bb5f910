// The same certificate as an HTML page, for the headless-Chromium comparison: the same content and blocks
// (frame, heading, number and date, the labelled fields, the tinted attribution box, the foot with QR code,
// verification text and seal) in the same Noto Sans TC file, loaded through @font-face from a file:// URL.
import QRCode from 'qrcode';
import { pathToFileURL } from 'node:url';
import type { CertificateView } from '#templates/pdf/certificate';
import { html, SafeHtml } from '#templates/escape';
import { cjkFontPath } from '#templates/pdf/fonts';

/** The family name the page's @font-face declares; the harness checks it is loaded before printing. */
export const HTML_FONT_FAMILY = 'CertificateNotoSansTC';

export async function certificateHtml(view: CertificateView): Promise<string> {
  const qr = await QRCode.toDataURL(view.verifyUrl, { errorCorrectionLevel: 'M', margin: 0, scale: 6 });
  const fontUrl = pathToFileURL(cjkFontPath()).href;
  const row = (zh: string, en: string, lines: SafeHtml) =>
    html`<div class="row">
      <div class="label"><b>${zh}</b><small>${en}</small></div>
      <div class="value">${lines}</div>
    </div>`;
  const fee = view.paid
    ? row(
        '收費',
        'Fee',
        html`<p class="s85">
            收費基準 Fee schedule：${view.paid.scheduleTitle.zh}（${view.paid.scheduleId}）
          </p>
          <p class="small muted">${view.paid.scheduleTitle.en}</p>
          <p class="small">
            利用目的 Purpose：${view.paid.purpose} · 減收 ${String(view.paid.reductionPercent)}%
          </p>
          <p>已繳金額 Amount paid：NT$${view.paid.amountTwd.toLocaleString('en-US')}</p>`,
      )
    : html``;
  const page = html`<!doctype html>
    <html lang="zh-TW">
      <head>
        <meta charset="utf-8" />
        <title>${view.number}</title>
        <style>
          ${new SafeHtml(styles(fontUrl))}
        </style>
      </head>
      <body>
        <div class="sheet">
          <div class="frame"></div>
          <p class="center kicker">政府資料開放授權 · OPEN GOVERNMENT DATA LICENSING</p>
          <h1 class="center">資料利用授權證明書</h1>
          <h2 class="center">Certificate of Data License</h2>
          <div class="rule"></div>
          <div class="ids">
            <div><small>證書編號 Certificate No.</small><strong>${view.number}</strong></div>
            <div>
              <small>發證日期 Date of issue</small><strong>${view.issuedAt.slice(0, 10)}</strong
              ><small>民國${String(Number(view.issuedAt.slice(0, 4)) - 1911)}年</small>
            </div>
          </div>
          <p class="center">茲證明下列被授權人依下列授權條款，取得下列資料集之利用授權。</p>
          <p class="center muted s85">
            This certifies that the licensee named below is licensed to use the dataset below under the
            license stated.
          </p>
          <div class="rows">
            ${row(
              '被授權人',
              'Licensee',
              html`<p class="big">${view.licensee.name}</p>
                <p>${view.licensee.organization ?? ''}</p>
                <p class="small muted">${view.licensee.email ?? ''}</p>`,
            )}
            ${row(
              '資料集',
              'Dataset',
              html`<p class="big">${view.dataset.title.zh}</p>
                <p>${view.dataset.title.en}</p>
                <p class="small">
                  提供機關 Provided by：${view.dataset.agencyName.zh} ${view.dataset.agencyName.en}
                </p>
                <p class="small">版本 Version：${view.dataset.version}</p>
                <p class="small muted">檔案 File SHA-256：${view.dataset.distributionSha256 ?? ''}</p>`,
            )}
            ${row(
              '授權條款',
              'License',
              html`<p>${view.license.nameZh}</p>
                <p>${view.license.nameEn}</p>
                <p class="small muted">${view.license.url} · SPDX ${view.license.spdx}</p>`,
            )}
            ${row(
              '授權範圍',
              'Grant',
              html`<p class="s85">${view.grantSummary.zh}</p>
                <p class="small muted">${view.grantSummary.en}</p>`,
            )}
            ${fee}
          </div>
          <div class="attribution">
            <p style="color:#1d3f6e">顯名聲明 Attribution statement</p>
            <p class="small muted">
              利用本資料時，請依序完整載明下列三部分。 When using the data, state these three parts, in this
              order.
            </p>
            ${(view.attribution?.zh ?? []).map((p) => html`<p>${p}</p>`)}${(view.attribution?.en ?? []).map((p) => html`<p class="s85">${p}</p>`)}
          </div>
          <div class="foot">
            <div class="qr"><img src="${qr}" alt="" /><small>掃描驗證 Scan to verify</small></div>
            <div class="verify">
              <b>驗證本證書 Verify this certificate</b><br /><a href="${view.verifyUrl}">${view.verifyUrl}</a>
              <p>
                以 QR 碼或上列網址開啟驗證頁，核對證書編號、被授權人及資料集。驗證頁並列出本 PDF 檔之 SHA-256
                值供比對（檔案無法載明自身之 SHA-256）。證書紀錄經數位簽章，公開金鑰位於：
              </p>
              <p>
                Scan the QR code or open the address above and check that the certificate number, licensee and
                dataset match. The verify page also shows this PDF file's SHA-256 for comparison (a file
                cannot state its own hash). The certificate record is digitally signed; public keys are
                published at:
              </p>
              <a href="${view.jwksUrl}">${view.jwksUrl}</a>
            </div>
            <div class="seal">
              <div><span>證</span><span>授</span><span>明</span><span>權</span></div>
              <small>電子核發<br />Issued electronically</small>
            </div>
          </div>
        </div>
      </body>
    </html>`;
  return page.toString();
}

/** Constants and the font's file URL only: nothing here comes from the view. */
function styles(fontUrl: string): string {
  return `
@font-face { font-family: '${HTML_FONT_FAMILY}'; src: url('${fontUrl}') format('opentype'); }
@page { size: A4; margin: 0; }
* { box-sizing: border-box; margin: 0; padding: 0; }
body { font-family: '${HTML_FONT_FAMILY}'; color: #1b1f24; font-size: 8pt; }
.sheet { position: relative; width: 210mm; height: 297mm; padding: 50pt 62pt 0; }
.frame { position: absolute; inset: 24pt; border: 2.4pt solid #1d3f6e; }
.frame::after { content: ''; position: absolute; inset: 4pt; border: 0.6pt solid #1d3f6e; }
.center { text-align: center; }
.kicker { font-size: 7.5pt; color: #5a6370; letter-spacing: 1.2pt; }
h1 { font-size: 22pt; color: #1d3f6e; letter-spacing: 5pt; font-weight: normal; margin-top: 6pt; }
h2 { font-size: 11pt; color: #5a6370; font-weight: normal; }
.rule { border-top: 0.7pt solid #1d3f6e; width: 240pt; margin: 8pt auto; }
.ids { display: flex; text-align: center; margin: 8pt 0; }
.ids > div { flex: 1; }
.ids small { display: block; font-size: 7.5pt; color: #5a6370; }
.ids strong { font-size: 10.5pt; font-weight: normal; }
.row { display: flex; border-bottom: 0.4pt solid #c5ccd6; padding: 3pt 0; }
.rows { border-top: 0.4pt solid #c5ccd6; margin-top: 8pt; }
.label { width: 112pt; flex: none; }
.label b { display: block; font-weight: normal; color: #1d3f6e; }
.label small { font-size: 6.5pt; color: #5a6370; }
.value { flex: 1; }
.big { font-size: 11.5pt; } .s85 { font-size: 8pt; } .small { font-size: 7pt; } .muted { color: #5a6370; }
.attribution { background: #e8eef6; border-left: 3pt solid #1d3f6e; padding: 6pt 8pt; margin-top: 6pt; font-size: 7.5pt; }
.attribution p { margin-top: 1pt; }
.foot { position: absolute; left: 62pt; right: 62pt; bottom: 44pt; height: 142pt; border-top: 0.7pt solid #1d3f6e;
  display: flex; gap: 14pt; padding-top: 12pt; }
.qr img { width: 84pt; height: 84pt; display: block; }
.qr small, .seal small { display: block; text-align: center; font-size: 6.5pt; color: #5a6370; }
.verify { flex: 1; font-size: 6.8pt; color: #5a6370; }
.verify b { font-weight: normal; font-size: 8.5pt; color: #1d3f6e; }
.verify a { color: #1b1f24; font-size: 8pt; text-decoration: none; }
.seal div { width: 58pt; height: 58pt; border: 2.2pt solid #b3261e; color: #b3261e; transform: rotate(-4deg);
  display: grid; grid-template-columns: 1fr 1fr; font-size: 19pt; text-align: center; line-height: 27pt; }
`;
}
