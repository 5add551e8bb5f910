/**
 * How fee items, quotes' rounding rule and the ways to pay read in pages, mails and PDFs alike. A fee
 * item is shown by its name; its id (`sheet`) is for links, forms and machines only.
 */
import type { AgencyText } from './agency-text.ts';
import type { Label } from './labels.ts';

/**
 * The columns of a fee table, in the terms of the domain (a charge may not exceed the documented unit
 * cost; one above the marginal unit cost needs a declared exception): the same words on the pages,
 * in the vote mails and in both PDFs.
 */
export const FEE_TABLE_HEADERS = {
  item: { zh: '項目', en: 'Item' },
  unit: { zh: '計費單位', en: 'Unit' },
  charge: { zh: '收費', en: 'Charge' },
  documentedUnitCost: { zh: '文件化單位成本', en: 'Documented unit cost' },
  marginalUnitCost: { zh: '邊際單位成本', en: 'Marginal unit cost' },
} as const satisfies Record<string, Label>;

/** How people see a fee item: by its name, Traditional Chinese first. */
export const feeItemLabel = (item: { name: AgencyText }): AgencyText => item.name;

export const WHOLE_PROPOSAL_LABEL: Label = { zh: '整體提案', en: 'the whole proposal' };
const ITEM_OF_ANOTHER_VERSION: Label = { zh: '非本版之收費項目', en: 'a fee item not in this version' };

/** What a comment is about: one of the version's fee items by name, another version's item, or the whole proposal. */
export function commentTargetLabel(
  itemId: string | null | undefined,
  items: readonly { id: string; name: AgencyText }[],
): Label | AgencyText {
  if (!itemId) return WHOLE_PROPOSAL_LABEL;
  const item = items.find((i) => i.id === itemId);
  return item ? feeItemLabel(item) : ITEM_OF_ANOTHER_VERSION;
}
