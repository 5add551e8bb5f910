/**
 * A dataset's page (`/datasets/{id}` for browsers): its class and agency, the license that applies,
 * the fee schedule in force with its items and the next one if announced, how to apply, and the
 * DCAT record for catalogues.
 */
import { html, type SafeHtml } from '../escape.ts';
import { page } from './layout.ts';
import { datasetFacts, scheduleFacts, type LicenseDatasetView, type LicenseScheduleView } from './license.ts';
import { both } from './parts.ts';
import { PUBLIC_STYLES } from './styles.ts';
import { FEE_UNIT_LABELS } from '../labels.ts';
import { money } from '../format.ts';

export interface DatasetPageView {
  dataset: LicenseDatasetView;
  links: { licenseRequest?: string; dcat: string };
}

function itemTable(schedule: LicenseScheduleView): SafeHtml {
  return html`<div class="scroll" tabindex="0" role="region" aria-label="收費項目 Fee items">
    <table>
      <caption>
        收費項目
        <span class="en" lang="en">Fee items</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">項目<span class="en" lang="en">Item</span></th>
          <th scope="col">計費單位<span class="en" lang="en">Unit</span></th>
          <th scope="col" class="num">收費<span class="en" lang="en">Charge</span></th>
          <th scope="col" class="num">上限<span class="en" lang="en">Limit</span></th>
        </tr>
      </thead>
      <tbody>
        ${schedule.items.map(
          (item) =>
            html`<tr>
              <th scope="row">${both(item.name)}</th>
              <td>${both(FEE_UNIT_LABELS[item.unit])}</td>
              <td class="num">${money(item.amountTwd)}</td>
              <td class="num">${item.maxQuantity ?? '—'}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function license(dataset: LicenseDatasetView): SafeHtml {
  switch (dataset.classification) {
    case 'OPEN':
      return html`<div class="notice ok">
        <p>
          依<a href="https://data.gov.tw/license">政府資料開放授權條款－第1版</a
          >免費授權，任何目的皆可利用，授權不可撤回。
        </p>
        <p class="en" lang="en">
          Licensed free of charge under the
          <a href="https://data.gov.tw/en/license">Open Government Data License, version 1.0</a>: any purpose,
          irrevocable.
        </p>
      </div>`;
    case 'ON_APPLICATION':
      return html`<div class="notice">
        <p>依申請提供授權${dataset.feeSchedule ? '，依現行收費基準收費' : '；目前無收費基準，免費提供'}。</p>
        <p class="en" lang="en">
          Licensed on
          application${dataset.feeSchedule ? ', for a fee under the schedule in force' : '; no fee schedule applies, so it is free'}.
        </p>
      </div>`;
    case 'NOT_PROVIDED':
      return html`<div class="notice warn">
        <p>此資料集不予提供，無法申請授權。</p>
        <p class="en" lang="en">This dataset is not provided, so no license can be requested for it.</p>
        ${dataset.notProvidedReason ? html`<p>法律依據 <span lang="en">Legal reason</span>：${dataset.notProvidedReason}</p>` : ''}
      </div>`;
  }
}

export function datasetPage(view: DatasetPageView): string {
  const { dataset } = view;
  const schedule = dataset.feeSchedule;
  const next = dataset.nextFeeSchedule;
  const body = html`${datasetFacts(dataset)}
    <h2>授權 <span class="en" lang="en">License</span></h2>
    ${license(dataset)}
    ${
      schedule
        ? html`<h2>現行收費基準 <span class="en" lang="en">Fee schedule in force</span></h2>
            ${scheduleFacts(schedule, { zh: '收費基準', en: 'Fee schedule' })} ${itemTable(schedule)}`
        : ''
    }
    ${
      next
        ? html`<h2>下一收費基準 <span class="en" lang="en">Next fee schedule</span></h2>
            <p class="muted">
              生效日前之申請依現行基準計費。
              <span lang="en">Requests before its effective date are priced by the schedule in force.</span>
            </p>
            ${scheduleFacts(next, { zh: '收費基準', en: 'Fee schedule' })} ${itemTable(next)}`
        : ''
    }
    ${
      view.links.licenseRequest
        ? html`<h2>如何申請 <span class="en" lang="en">How to apply</span></h2>
            <p>
              填寫申請表即可取得${dataset.classification === 'OPEN' ? '授權證明書' : '報價，機關確認收款後核發授權證明書'}。
              <span class="en" lang="en"
                >Fill in the request form to get
                ${dataset.classification === 'OPEN' ? 'the certificate' : 'a quote; the certificate follows once the agency confirms payment'}.</span
              >
            </p>
            <p>
              <a class="button" href="${view.links.licenseRequest}"
                >申請授權 <span lang="en">Request a license</span></a
              >
            </p>`
        : ''
    }
    <p class="muted">
      <a href="${view.links.dcat}">DCAT 詮釋資料（JSON-LD） <span lang="en">DCAT metadata (JSON-LD)</span></a>
    </p>`;
  return page(dataset.title, body, { styles: PUBLIC_STYLES });
}
