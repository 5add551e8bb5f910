/**
 * The home page (`/`): fee-schedule proposals open for public comment first, then those under review
 * and the schedules approved, and the datasets for which anyone can obtain a license certificate.
 */
import type { AgencyText } from '../agency-text.ts';
import type { DataClass } from '#domain/dataset';
import type { ProposalStatus } from '#domain/fee-proposal';
import { html, type SafeHtml } from '../escape.ts';
import { page } from './layout.ts';
import { both, onDay, when } from './parts.ts';
import { PUBLIC_STYLES } from './styles.ts';
import { type Label, PROPOSAL_STATUS_LABELS } from '../labels.ts';
import { DATA_CLASS_LABELS } from '../labels.ts';

export interface ProposalSummary {
  id: string;
  title: AgencyText;
  agencyName: Label;
  status: ProposalStatus;
  url: string;
  itemCount: number;
  closesAt?: string;
  effectiveFrom: string;
}

export interface DatasetSummary {
  id: string;
  title: Label;
  agencyName: Label;
  version: string;
  classification: DataClass;
  /** The dataset's page. */
  url: string;
  /** The license request page; absent for data that is not provided. */
  licenseUrl?: string;
  feeScheduleTitle?: AgencyText;
}

export interface HomePageView {
  open: ProposalSummary[];
  underReview: ProposalSummary[];
  decided: ProposalSummary[];
  datasets: DatasetSummary[];
}

function proposalCase(p: ProposalSummary): SafeHtml {
  const status = PROPOSAL_STATUS_LABELS[p.status];
  return html`<div class="case">
    <h3>
      <a href="${p.url}">${both(p.title)}</a>
    </h3>
    <p class="muted">
      ${p.agencyName.zh} <span lang="en">${p.agencyName.en}</span> · 收費項目 ${p.itemCount} 項
      <span lang="en">${p.itemCount} fee item${p.itemCount === 1 ? '' : 's'}</span> ·
      <span class="status${p.status === 'IN_CONSULTATION' ? ' open' : ''}"
        >${status.zh} <span lang="en">${status.en}</span></span
      >
    </p>
    ${
      p.status === 'IN_CONSULTATION' && p.closesAt
        ? html`<p>
            意見截止 <span lang="en">Comments close</span> <span class="deadline">${when(p.closesAt)}</span>
          </p>`
        : html`<p>
            預定生效日 <span lang="en">Effective from</span>
            ${onDay(p.effectiveFrom)}
          </p>`
    }
  </div>`;
}

function cases(list: ProposalSummary[], empty: Label): SafeHtml {
  return list.length === 0
    ? html`<p class="muted">${empty.zh} <span lang="en">${empty.en}</span></p>`
    : html`${list.map(proposalCase)}`;
}

export function homePage(view: HomePageView): string {
  const body = html`<p class="lead">
      機關對依申請提供之資料收費前，須公布收費基準草案、公開徵詢意見並逐則回覆，再經資料開放諮詢小組審議。任何人皆可取得開放資料之授權證明書。
    </p>
    <p class="en" lang="en">
      Before an agency charges for data it provides on application, it publishes the proposed fee schedule,
      consults the public, answers every comment, and has its advisory group vote. Anyone can obtain a license
      certificate for open data.
    </p>

    <h2 id="open">公開徵詢中 <span class="en" lang="en">Open for comment</span></h2>
    ${cases(view.open, { zh: '目前沒有公開徵詢中的收費基準。', en: 'No fee schedule is open for comment now.' })}

    <h2>審議中 <span class="en" lang="en">Under review</span></h2>
    ${cases(view.underReview, { zh: '目前沒有審議中的收費基準。', en: 'No fee schedule is under review now.' })}

    <h2>審議通過之收費基準 <span class="en" lang="en">Approved fee schedules</span></h2>
    ${cases(view.decided, { zh: '尚無審議通過之收費基準。', en: 'No fee schedule has been approved yet.' })}

    <h2 id="licenses">資料授權 <span class="en" lang="en">Data licenses</span></h2>
    <div class="scroll">
      <table>
        <caption>
          資料集
          <span class="en" lang="en">Datasets</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">資料集<span class="en" lang="en">Dataset</span></th>
            <th scope="col">提供機關<span class="en" lang="en">Provided by</span></th>
            <th scope="col">類別<span class="en" lang="en">Class</span></th>
            <th scope="col">授權<span class="en" lang="en">License</span></th>
          </tr>
        </thead>
        <tbody>
          ${view.datasets.map(
            (d) =>
              html`<tr>
                <td>
                  <a href="${d.url}">${d.title.zh}<span class="en" lang="en">${d.title.en}</span></a>
                  <span class="muted">版本 <span lang="en">version</span> ${d.version}</span>
                </td>
                <td>${d.agencyName.zh}<span class="en" lang="en">${d.agencyName.en}</span></td>
                <td>
                  ${both(DATA_CLASS_LABELS[d.classification])}${
                    d.feeScheduleTitle ? html`<br /><span class="muted">${d.feeScheduleTitle.zh}</span>` : ''
                  }
                </td>
                <td>
                  ${
                    d.licenseUrl
                      ? html`<a href="${d.licenseUrl}">申請授權 <span lang="en">Obtain a license</span></a>`
                      : html`<span class="muted">無法申請 <span lang="en">Not available</span></span>`
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>

    <h2>驗證授權證明書 <span class="en" lang="en">Verify a certificate</span></h2>
    <p>
      掃描授權證明書上的 QR 碼即可開啟其驗證頁面，查看證明書狀態並確認數位簽章。
      <span class="en" lang="en"
        >Scan the QR code on a license certificate to open its verify page: it shows the certificate’s status
        and checks its digital signature.</span
      >
    </p>`;
  return page({ zh: '政府資料收費審議與授權', en: 'Open data fee review and licensing' }, body, {
    styles: PUBLIC_STYLES,
  });
}
