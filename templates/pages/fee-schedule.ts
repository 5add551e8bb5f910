/**
 * A proposal's fee schedule as pages show it: the fee table with documented and marginal unit costs,
 * each item's cost basis line by line, and the reductions by purpose it declares.
 */
import { html, type SafeHtml } from '../escape.ts';
import { FEE_TABLE_HEADERS, feeItemLabel } from '../fee-labels.ts';
import { both } from './parts.ts';
import { type ReviewedFeeItem, type ReviewedProposal } from '../reviewed-proposal.ts';
import { COST_CATEGORY_LABELS, PURPOSE_LABELS } from '../labels.ts';
import { money } from '../format.ts';

export function feeTable(items: ReviewedFeeItem[]): SafeHtml {
  const rows = items.map(
    (item) =>
      html`<tr>
        <td>
          <a href="#item-${item.id}">${feeItemLabel(item).zh}</a
          >${item.name.en === undefined ? '' : html`<span class="en" lang="en">${item.name.en}</span>`}
        </td>
        <td>${item.unit.zh}<span class="en" lang="en">${item.unit.en}</span></td>
        <td class="num"><strong>${money(item.amountTwd)}</strong></td>
        <td class="num">${money(item.documentedUnitCostTwd)}</td>
        <td class="num">
          ${money(item.marginalUnitCostTwd)}${
            item.amountTwd > item.marginalUnitCostTwd
              ? html`<br /><span class="tag">高於邊際成本 <span lang="en">above marginal</span></span>`
              : ''
          }
        </td>
      </tr>`,
  );
  return html`<div class="scroll">
    <table>
      <caption>
        收費項目一覽
        <span class="en" lang="en">Fee table</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">${both(FEE_TABLE_HEADERS.item)}</th>
          <th scope="col">${both(FEE_TABLE_HEADERS.unit)}</th>
          <th scope="col" class="num">${both(FEE_TABLE_HEADERS.charge)}</th>
          <th scope="col" class="num">${both(FEE_TABLE_HEADERS.documentedUnitCost)}</th>
          <th scope="col" class="num">${both(FEE_TABLE_HEADERS.marginalUnitCost)}</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

export function costBasis(item: ReviewedFeeItem): SafeHtml {
  const rows = item.costLines.map((line) => {
    const category = COST_CATEGORY_LABELS[line.category];
    const marginal = line.incremental;
    return html`<tr>
      <td>
        ${category.zh}<span class="en" lang="en">${category.en}</span>${
          marginal ? html`<span class="tag">邊際 <span lang="en">marginal</span></span>` : ''
        }
      </td>
      <td>
        ${line.description}${
          line.incrementalReason
            ? html`<br /><span class="muted"
                  >${marginal ? '列為邊際成本' : '不列為邊際成本'}：${line.incrementalReason}</span
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
    <h3 id="item-${item.id}-title">${both(feeItemLabel(item))}</h3>
    <p>
      收費 <strong>${money(item.amountTwd)}</strong> ${item.unit.zh} · 文件化單位成本
      ${money(item.documentedUnitCostTwd)} · 邊際單位成本 ${money(item.marginalUnitCostTwd)}
      <span class="en" lang="en"
        >Charge ${money(item.amountTwd)} ${item.unit.en} · documented unit cost
        ${money(item.documentedUnitCostTwd)} · marginal unit cost ${money(item.marginalUnitCostTwd)}</span
      >
    </p>
    <div class="scroll">
      <table>
        <caption>
          成本明細
          <span class="en" lang="en">Cost lines</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">類別<span class="en" lang="en">Category</span></th>
            <th scope="col">說明<span class="en" lang="en">Description</span></th>
            <th scope="col" class="num">數量<span class="en" lang="en">Quantity</span></th>
            <th scope="col" class="num">單位成本<span class="en" lang="en">Unit cost</span></th>
            <th scope="col" class="num">小計<span class="en" lang="en">Line cost</span></th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colspan="4">
              ${FEE_TABLE_HEADERS.documentedUnitCost.zh}
              <span lang="en">${FEE_TABLE_HEADERS.documentedUnitCost.en}</span>
            </th>
            <td class="num"><strong>${money(item.documentedUnitCostTwd)}</strong></td>
          </tr>
        </tfoot>
      </table>
    </div>
    ${
      item.exceptionReason
        ? html`<p class="note">
            <strong
              >高於邊際成本之例外理由
              <span lang="en">Exception reason (charge above marginal cost)</span>：</strong
            ><br />${item.exceptionReason}
          </p>`
        : ''
    }
  </section>`;
}

export function reductions(list: ReviewedProposal['reductions']): SafeHtml {
  if (list.length === 0) {
    return html`<p>
      本提案未宣告差別費率，各種用途均適用全額收費。<span class="en" lang="en"
        >The proposal declares no reductions: the full charge applies to every purpose.</span
      >
    </p>`;
  }
  return html`<p>
      下列減收比率載明於提案，未載明者不得減免。<span class="en" lang="en"
        >These reductions are declared in the proposal; nothing else may be waived later.</span
      >
    </p>
    <ul>
      ${list.map((r) => html`<li>${PURPOSE_LABELS[r.purpose].zh} <span lang="en">${PURPOSE_LABELS[r.purpose].en}</span>：減收 ${r.percent}% <span lang="en">(${r.percent}% off)</span></li>`)}
    </ul>`;
}
