/**
 * The home page (`/`): fee-schedule proposals open for public comment first, then those under review
 * and the schedules approved, and the datasets for which anyone can obtain a license certificate.
 */
import type { AgencyText } from '../agency-text.ts';
import type { DataClass } from '#domain/dataset';
import type { ProposalStatus } from '#domain/fee-proposal';
import { html, type SafeHtml } from '../escape.ts';
import { DATA_CLASS_LABELS, PROPOSAL_STATUS_LABELS, type Label } from '../labels.ts';
import { page, SERVICE_NAME } from './layout.ts';
import { onDay, when } from './parts.ts';
import { say, type Lang, type PageLocale } from '../language.ts';
import { PUBLIC_STYLES } from './styles.ts';
import { verifyBox, VERIFY_BOX_STYLES } from './verify-box.ts';

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
  /** `subscribe`: the form that mails every new consultation. */
  links: { archive: string; feed: string; subscribe?: string };
}

export function proposalCase(p: ProposalSummary, lang: Lang): SafeHtml {
  const t = say(lang);
  const items = {
    zh: `收費項目 ${p.itemCount} 項`,
    en: `${p.itemCount} fee item${p.itemCount === 1 ? '' : 's'}`,
  };
  return html`<div class="case">
    <h3><a href="${p.url}">${t(p.title)}</a></h3>
    <p class="muted">
      ${t(p.agencyName)} · ${t(items)} ·
      <span class="status${p.status === 'IN_CONSULTATION' ? ' open' : ''}"
        >${t(PROPOSAL_STATUS_LABELS[p.status])}</span
      >
    </p>
    ${
      p.status === 'IN_CONSULTATION' && p.closesAt
        ? html`<p>
            ${t({ zh: '意見截止', en: 'Comments close' })}
            <span class="deadline">${when(p.closesAt, lang)}</span>
          </p>`
        : html`<p>${t({ zh: '預定生效日', en: 'Effective from' })} ${onDay(p.effectiveFrom, lang)}</p>`
    }
  </div>`;
}

function cases(list: ProposalSummary[], empty: Label, lang: Lang): SafeHtml {
  return list.length === 0
    ? html`<p class="muted">${empty[lang]}</p>`
    : html`${list.map((p) => proposalCase(p, lang))}`;
}

export function homePage(view: HomePageView, locale: PageLocale): string {
  const { lang } = locale;
  const t = say(lang);
  const body = html`<p class="lead">
      ${t({
        zh: '機關對依申請提供之資料收費前，須公布收費基準草案、公開徵詢意見並逐則回覆，再經資料開放諮詢小組審議。任何人皆可取得開放資料之授權證明書。',
        en: 'Before an agency charges for data it provides on application, it publishes the proposed fee schedule, consults the public, answers every comment, and has its advisory group vote. Anyone can obtain a license certificate for open data.',
      })}
    </p>

    <h2 id="open">${t({ zh: '公開徵詢中', en: 'Open for comment' })}</h2>
    ${cases(view.open, { zh: '目前沒有公開徵詢中的收費基準。', en: 'No fee schedule is open for comment now.' }, lang)}

    <h2>${t({ zh: '審議中', en: 'Under review' })}</h2>
    ${cases(view.underReview, { zh: '目前沒有審議中的收費基準。', en: 'No fee schedule is under review now.' }, lang)}

    <h2>${t({ zh: '審議通過之收費基準', en: 'Approved fee schedules' })}</h2>
    ${cases(view.decided, { zh: '尚無審議通過之收費基準。', en: 'No fee schedule has been approved yet.' }, lang)}
    <p>
      <a href="${view.links.archive}"
        >${t({ zh: '所有提案：搜尋與篩選', en: 'Every proposal: search and filter' })}</a
      >
      ·
      <a href="${view.links.feed}" type="application/atom+xml"
        >${t({ zh: '訂閱（Atom）', en: 'Follow (Atom feed)' })}</a
      >${
        view.links.subscribe
          ? html` ·
              <a href="${view.links.subscribe}"
                >${t({ zh: '以電子郵件訂閱新的公開徵詢', en: 'Get new consultations by e-mail' })}</a
              >`
          : ''
      }
    </p>

    <h2 id="licenses">${t({ zh: '資料授權', en: 'Data licenses' })}</h2>
    <div class="scroll">
      <table>
        <caption>
          ${t({ zh: '資料集', en: 'Datasets' })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t({ zh: '資料集', en: 'Dataset' })}</th>
            <th scope="col">${t({ zh: '提供機關', en: 'Provided by' })}</th>
            <th scope="col">${t({ zh: '類別', en: 'Class' })}</th>
            <th scope="col">${t({ zh: '授權', en: 'License' })}</th>
          </tr>
        </thead>
        <tbody>
          ${view.datasets.map(
            (d) =>
              html`<tr>
                <td>
                  <a href="${d.url}">${t(d.title)}</a>
                  <span class="muted">${t({ zh: '版本', en: 'version' })} ${d.version}</span>
                </td>
                <td>${t(d.agencyName)}</td>
                <td>
                  ${t(DATA_CLASS_LABELS[d.classification])}${
                    d.feeScheduleTitle ? html`<br /><span class="muted">${t(d.feeScheduleTitle)}</span>` : ''
                  }
                </td>
                <td>
                  ${
                    d.licenseUrl
                      ? html`<a href="${d.licenseUrl}">${t({ zh: '申請授權', en: 'Obtain a license' })}</a>`
                      : html`<span class="muted">${t({ zh: '無法申請', en: 'Not available' })}</span>`
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>

    <h2 id="verify">${t({ zh: '驗證授權證明書', en: 'Verify a certificate' })}</h2>
    <p>
      ${t({
        zh: '掃描授權證明書上的 QR 碼即可開啟其驗證頁面，查看證明書狀態並確認數位簽章；或輸入證明書編號：',
        en: 'Scan the QR code on a license certificate to open its verify page: it shows the certificate’s status and checks its digital signature. Or type the certificate’s number:',
      })}
    </p>
    ${verifyBox(lang)}`;
  return page(SERVICE_NAME, body, {
    styles: PUBLIC_STYLES + VERIFY_BOX_STYLES,
    locale,
  });
}
