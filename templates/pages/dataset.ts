/**
 * A dataset's page (`/datasets/{id}` for browsers): its class and agency, the license that applies,
 * the fee schedule in force with its items and the next one if announced, how to apply, and the
 * DCAT record for catalogues.
 */
import { html, type SafeHtml } from '../escape.ts';
import { page } from './layout.ts';
import { datasetFacts, scheduleFacts, type LicenseDatasetView, type LicenseScheduleView } from './license.ts';
import { say, type Lang, type PageLocale } from '../language.ts';
import { PUBLIC_STYLES } from './styles.ts';
import { FEE_UNIT_LABELS } from '../labels.ts';
import { money } from '../format.ts';

export interface DatasetPageView {
  dataset: LicenseDatasetView;
  /** `follow`: the form that mails the new consultations on this dataset. */
  links: { licenseRequest?: string; dcat: string; feeSchedules: string; follow?: string };
}

export function itemTable(schedule: LicenseScheduleView, lang: Lang): SafeHtml {
  const t = say(lang);
  const caption = { zh: '收費項目', en: 'Fee items' };
  return html`<div class="scroll" tabindex="0" role="region" aria-label="${t(caption)}">
    <table>
      <caption>
        ${t(caption)}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t({ zh: '項目', en: 'Item' })}</th>
          <th scope="col">${t({ zh: '計費單位', en: 'Unit' })}</th>
          <th scope="col" class="num">${t({ zh: '收費', en: 'Charge' })}</th>
          <th scope="col" class="num">${t({ zh: '上限', en: 'Limit' })}</th>
        </tr>
      </thead>
      <tbody>
        ${schedule.items.map(
          (item) =>
            html`<tr>
              <th scope="row">${t(item.name)}</th>
              <td>${t(FEE_UNIT_LABELS[item.unit])}</td>
              <td class="num">${money(item.amountTwd)}</td>
              <td class="num">${item.maxQuantity ?? '—'}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function license(dataset: LicenseDatasetView, lang: Lang): SafeHtml {
  const t = say(lang);
  switch (dataset.classification) {
    case 'OPEN':
      return html`<div class="notice ok">
        <p>
          ${
            lang === 'zh'
              ? html`依<a href="https://data.gov.tw/license">政府資料開放授權條款－第1版</a
                  >免費授權，任何目的皆可利用，授權不可撤回。`
              : html`Licensed free of charge under the
                  <a href="https://data.gov.tw/en/license">Open Government Data License, version 1.0</a>: any
                  purpose, irrevocable.`
          }
        </p>
      </div>`;
    case 'ON_APPLICATION':
      return html`<div class="notice">
        <p>
          ${t(
            dataset.feeSchedule
              ? {
                  zh: '依申請提供授權，依現行收費基準收費。',
                  en: 'Licensed on application, for a fee under the schedule in force.',
                }
              : {
                  zh: '依申請提供授權；目前無收費基準，免費提供。',
                  en: 'Licensed on application; no fee schedule applies, so it is free.',
                },
          )}
        </p>
      </div>`;
    case 'NOT_PROVIDED':
      return html`<div class="notice warn">
        <p>
          ${t({ zh: '此資料集不予提供，無法申請授權。', en: 'This dataset is not provided, so no license can be requested for it.' })}
        </p>
        ${dataset.notProvidedReason ? html`<p>${t({ zh: '法律依據：', en: 'Legal reason: ' })}${dataset.notProvidedReason}</p>` : ''}
      </div>`;
  }
}

export function datasetPage(view: DatasetPageView, locale: PageLocale): string {
  const { lang } = locale;
  const t = say(lang);
  const { dataset } = view;
  const schedule = dataset.feeSchedule;
  const next = dataset.nextFeeSchedule;
  const heading = { zh: '收費基準', en: 'Fee schedule' };
  const body = html`${datasetFacts(dataset, lang)}
    <h2>${t({ zh: '授權', en: 'License' })}</h2>
    ${license(dataset, lang)}
    ${
      schedule
        ? html`<h2>${t({ zh: '現行收費基準', en: 'Fee schedule in force' })}</h2>
            ${scheduleFacts(schedule, heading, lang)} ${itemTable(schedule, lang)}`
        : ''
    }
    ${
      next
        ? html`<h2>${t({ zh: '下一收費基準', en: 'Next fee schedule' })}</h2>
            <p class="muted">
              ${t({ zh: '生效日前之申請依現行基準計費。', en: 'Requests before its effective date are priced by the schedule in force.' })}
            </p>
            ${scheduleFacts(next, heading, lang)} ${itemTable(next, lang)}`
        : ''
    }
    ${
      view.links.licenseRequest
        ? html`<h2>${t({ zh: '如何申請', en: 'How to apply' })}</h2>
            <p>
              ${t(
                dataset.classification === 'OPEN'
                  ? {
                      zh: '填寫申請表即可取得授權證明書。',
                      en: 'Fill in the request form to get the certificate.',
                    }
                  : {
                      zh: '填寫申請表即可取得報價，機關確認收款後核發授權證明書。',
                      en: 'Fill in the request form to get a quote; the certificate follows once the agency confirms payment.',
                    },
              )}
            </p>
            <p>
              <a class="button" href="${view.links.licenseRequest}"
                >${t({ zh: '申請授權', en: 'Request a license' })}</a
              >
            </p>`
        : ''
    }
    ${
      dataset.classification === 'ON_APPLICATION'
        ? html`<p>
            <a href="${view.links.feeSchedules}"
              >${t({ zh: '收費基準：現行、下一個與沿革', en: 'Fee schedules: in force, next and history' })}</a
            >
          </p>`
        : ''
    }
    ${
      view.links.follow
        ? html`<p>
            <a href="${view.links.follow}"
              >${t({ zh: '以電子郵件追蹤此資料集的新公開徵詢', en: 'Get new consultations on this dataset by e-mail' })}</a
            >
          </p>`
        : ''
    }
    <p class="muted">
      <a href="${view.links.dcat}">${t({ zh: 'DCAT 詮釋資料（JSON-LD）', en: 'DCAT metadata (JSON-LD)' })}</a>
    </p>`;
  return page(dataset.title, body, { styles: PUBLIC_STYLES, locale });
}
