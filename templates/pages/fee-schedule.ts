/**
 * A proposal's fee schedule as pages show it: the fee table with documented and marginal unit costs,
 * each item's cost basis line by line, and the reductions by purpose it declares. In the page's
 * `lang` alone where given (the public pages); in both languages without it (the workspace's).
 */
import { html, type SafeHtml } from '../escape.ts';
import { FEE_TABLE_HEADERS, feeItemLabel } from '../fee-labels.ts';
import type { Lang } from '../language.ts';
import { tr } from './parts.ts';
import { type ReviewedFeeItem, type ReviewedProposal } from '../reviewed-proposal.ts';
import { COST_CATEGORY_LABELS, PURPOSE_LABELS } from '../labels.ts';
import { money } from '../format.ts';

export function feeTable(items: ReviewedFeeItem[], lang?: Lang): SafeHtml {
  const rows = items.map(
    (item) =>
      html`<tr>
        <td>
          <a href="#item-${item.id}">${tr(feeItemLabel(item), lang)}</a>
        </td>
        <td>${tr(item.unit, lang)}</td>
        <td class="num"><strong>${money(item.amountTwd)}</strong></td>
        <td class="num">${money(item.documentedUnitCostTwd)}</td>
        <td class="num">
          ${money(item.marginalUnitCostTwd)}${
            item.amountTwd > item.marginalUnitCostTwd
              ? html`<br /><span class="tag">${tr({ zh: '高於邊際成本', en: 'above marginal' }, lang)}</span>`
              : ''
          }
        </td>
      </tr>`,
  );
  return html`<div class="scroll">
    <table>
      <caption>
        ${tr({ zh: '收費項目一覽', en: 'Fee table' }, lang)}
      </caption>
      <thead>
        <tr>
          <th scope="col">${tr(FEE_TABLE_HEADERS.item, lang)}</th>
          <th scope="col">${tr(FEE_TABLE_HEADERS.unit, lang)}</th>
          <th scope="col" class="num">${tr(FEE_TABLE_HEADERS.charge, lang)}</th>
          <th scope="col" class="num">${tr(FEE_TABLE_HEADERS.documentedUnitCost, lang)}</th>
          <th scope="col" class="num">${tr(FEE_TABLE_HEADERS.marginalUnitCost, lang)}</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

/** How an item's charge compares with its costs, in one language. */
const chargeLine = (item: ReviewedFeeItem, lang: Lang) =>
  lang === 'zh'
    ? html`收費 <strong>${money(item.amountTwd)}</strong> ${item.unit.zh} · 文件化單位成本
        ${money(item.documentedUnitCostTwd)} · 邊際單位成本 ${money(item.marginalUnitCostTwd)}`
    : html`Charge ${money(item.amountTwd)} ${item.unit.en} · documented unit cost
      ${money(item.documentedUnitCostTwd)} · marginal unit cost ${money(item.marginalUnitCostTwd)}`;

/** Each item's cost basis (`items.map(costBasisIn(lang))`): in `lang` alone where given, else both. */
export const costBasisIn =
  (lang?: Lang) =>
  (item: ReviewedFeeItem): SafeHtml => {
    const rows = item.costLines.map((line) => {
      const category = COST_CATEGORY_LABELS[line.category];
      const marginal = line.incremental;
      const counted = marginal
        ? { zh: '列為邊際成本', en: 'counted as marginal' }
        : { zh: '不列為邊際成本', en: 'not counted as marginal' };
      return html`<tr>
        <td>
          ${tr(category, lang)}${marginal ? html`<span class="tag">${tr({ zh: '邊際', en: 'marginal' }, lang)}</span>` : ''}
        </td>
        <td>
          ${line.description}${
            line.incrementalReason
              ? html`<br /><span class="muted"
                    >${lang === 'en' ? `${counted.en}: ` : `${counted.zh}：`}${line.incrementalReason}</span
                  >`
              : ''
          }
        </td>
        <td class="num">${line.quantity}</td>
        <td class="num">${money(line.unitCostTwd)}</td>
        <td class="num">${money(line.lineCostTwd)}</td>
      </tr>`;
    });
    return html`<section class="item" id="item-${item.id}" aria-labelledby="item-${item.id}-title">
      <h3 id="item-${item.id}-title">${tr(feeItemLabel(item), lang)}</h3>
      <p>
        ${
          lang
            ? chargeLine(item, lang)
            : html`${chargeLine(item, 'zh')} <span class="en" lang="en">${chargeLine(item, 'en')}</span>`
        }
      </p>
      <div class="scroll">
        <table>
          <caption>
            ${tr({ zh: '成本明細', en: 'Cost lines' }, lang)}
          </caption>
          <thead>
            <tr>
              <th scope="col">${tr({ zh: '類別', en: 'Category' }, lang)}</th>
              <th scope="col">${tr({ zh: '說明', en: 'Description' }, lang)}</th>
              <th scope="col" class="num">${tr({ zh: '數量', en: 'Quantity' }, lang)}</th>
              <th scope="col" class="num">${tr({ zh: '單位成本', en: 'Unit cost' }, lang)}</th>
              <th scope="col" class="num">${tr({ zh: '小計', en: 'Line cost' }, lang)}</th>
            </tr>
          </thead>
          <tbody>
            ${rows}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colspan="4">${tr(FEE_TABLE_HEADERS.documentedUnitCost, lang)}</th>
              <td class="num"><strong>${money(item.documentedUnitCostTwd)}</strong></td>
            </tr>
          </tfoot>
        </table>
      </div>
      ${
        item.exceptionReason
          ? html`<p class="note">
              <strong
                >${tr({ zh: '高於邊際成本之例外理由', en: 'Exception reason (charge above marginal cost)' }, lang)}${lang === 'en' ? ':' : '：'}</strong
              ><br />${item.exceptionReason}
            </p>`
          : ''
      }
    </section>`;
  };

/** Each item's cost basis in both languages (`items.map(costBasis)`). */
export function costBasis(item: ReviewedFeeItem): SafeHtml {
  return costBasisIn()(item);
}

export function reductions(list: ReviewedProposal['reductions'], lang?: Lang): SafeHtml {
  if (list.length === 0)
    return html`<p>
      ${tr(
        {
          zh: '本提案未宣告差別費率，各種用途均適用全額收費。',
          en: 'The proposal declares no reductions: the full charge applies to every purpose.',
        },
        lang,
      )}
    </p>`;
  return html`<p>
      ${tr(
        {
          zh: '下列減收比率載明於提案，未載明者不得減免。',
          en: 'These reductions are declared in the proposal; nothing else may be waived later.',
        },
        lang,
      )}
    </p>
    <ul>
      ${list.map((r) => {
        const purpose = PURPOSE_LABELS[r.purpose];
        const zh = `${purpose.zh}：減收 ${r.percent}%`;
        const en = `${purpose.en}: ${r.percent}% off`;
        return html`<li>${lang ? (lang === 'zh' ? zh : en) : html`${zh} <span lang="en">${en}</span>`}</li>`;
      })}
    </ul>`;
}
