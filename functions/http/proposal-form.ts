/**
 * The proposal editor's form (GET/POST /agency/proposals/new and …/{id}/edit) and the body of
 * `POST /fee-proposals` it stands for. Fee items and their cost lines are rows the clerk adds and
 * removes with submit buttons, without script, so the form's fields are named by the dotted path of
 * the JSON field they fill, with row numbers (`items.0.costLines.1.quantity`); this module is the one
 * place that reads such a form into the body, writes a stored proposal back into one, and adds or
 * removes a row. Two groups read differently from the body, since a form has no lists of values:
 * - datasets are checkboxes named `datasetIds.<dataset id>`, and
 * - reductions are one percentage per purpose, named `reductions.<PURPOSE>`.
 * Payment instructions are the payee and up to five ways to pay (`paymentInstructions.methods.N.…`):
 * a way left wholly empty is dropped and the rest renumbered, so that the body's index of a way is
 * its row on the form; the form always offers one empty way more, until there are five.
 */
import type { FeeProposalInput } from '#domain/fee-proposal';
import { PurposeSchema } from '#domain/fee-proposal';
import type { FormValues } from './forms.ts';

/** What a button of the editor asks for: `save`, `check` (save, then check answers) or a row change. */
export type EditorAction =
  | { kind: 'save' }
  | { kind: 'check' }
  | { kind: 'add-item' }
  | { kind: 'remove-item'; item: number }
  | { kind: 'add-line'; item: number }
  | { kind: 'remove-line'; item: number; line: number };

/** The `action` value of each button, read back by parseAction. */
export const actionValue = (action: EditorAction): string => {
  switch (action.kind) {
    case 'remove-item':
    case 'add-line':
      return `${action.kind}-${action.item}`;
    case 'remove-line':
      return `remove-line-${action.item}-${action.line}`;
    default:
      return action.kind;
  }
};

export function parseAction(value: string | undefined): EditorAction {
  const m = /^(remove-item|add-line|remove-line)-(\d{1,2})(?:-(\d{1,2}))?$/.exec(value ?? '');
  if (m) {
    const item = Number(m[2]);
    if (m[1] === 'remove-line' && m[3] !== undefined)
      return { kind: 'remove-line', item, line: Number(m[3]) };
    if (m[1] === 'remove-item') return { kind: 'remove-item', item };
    if (m[1] === 'add-line') return { kind: 'add-line', item };
  }
  if (value === 'add-item' || value === 'check') return { kind: value };
  return { kind: 'save' };
}

const TOP_FIELDS = [
  'title.zh',
  'title.en',
  'legalBasis',
  'explanationUrl',
  'effectiveFrom',
  'consultationDays',
  'urgencyReason',
  'justification.publicInterest',
  'justification.privacyAndTradeSecrets',
  'justification.costOfProduction',
  'justification.rightsHeld',
] as const;

export const ITEM_FIELDS = [
  'id',
  'name.zh',
  'name.en',
  'unit',
  'amountTwd',
  'exceptionReason',
  'maxQuantity',
] as const;
export const LINE_FIELDS = [
  'category',
  'description',
  'quantity',
  'unitCostTwd',
  'incrementalPerUnit',
  'incrementalReason',
] as const;

export const PAYEE_FIELDS = ['paymentInstructions.payee.zh', 'paymentInstructions.payee.en'] as const;
export const PAYMENT_WAY_FIELDS = ['method', 'details.zh', 'details.en'] as const;

/** At most this many rows, as the schema allows (50 items, 30 cost lines each, 5 ways to pay). */
export const MAX_ITEMS = 50;
export const MAX_LINES = 30;
export const MAX_PAYMENT_WAYS = 5;

/** The editor's rows, as typed. */
export interface ProposalRows {
  top: FormValues;
  datasetIds: string[];
  reductions: Record<string, string>;
  items: { fields: FormValues; lines: FormValues[] }[];
  /** The payee (by its field names) and the ways to pay that are not wholly empty, in form order. */
  payment: { payee: FormValues; ways: FormValues[] };
}

const ROW = /^items\.(\d{1,2})\.(?:costLines\.(\d{1,2})\.)?(.+)$/;
const WAY = /^paymentInstructions\.methods\.(\d{1,2})\.(.+)$/;
const filled = (values: FormValues) => Object.values(values).some((v) => v.trim() !== '');

/** Reads the posted values into rows; anything the form does not have is dropped. */
export function readRows(posted: unknown): ProposalRows {
  const values = (typeof posted === 'object' && posted !== null ? posted : {}) as Record<string, unknown>;
  const rows: ProposalRows = emptyOf();
  const items = new Map<number, { fields: FormValues; lines: Map<number, FormValues> }>();
  const ways = new Map<number, FormValues>();
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== 'string') continue;
    if ((TOP_FIELDS as readonly string[]).includes(name)) rows.top[name] = value;
    else if ((PAYEE_FIELDS as readonly string[]).includes(name)) rows.payment.payee[name] = value;
    else if (WAY.test(name)) {
      const [, i, field] = WAY.exec(name)!;
      if (!(PAYMENT_WAY_FIELDS as readonly string[]).includes(field!)) continue;
      const way: FormValues = ways.get(Number(i)) ?? {};
      way[field!] = value;
      ways.set(Number(i), way);
    } else if (name.startsWith('datasetIds.')) rows.datasetIds.push(name.slice('datasetIds.'.length));
    else if (name.startsWith('reductions.')) {
      const purpose = name.slice('reductions.'.length);
      if ((PurposeSchema.options as readonly string[]).includes(purpose)) rows.reductions[purpose] = value;
    } else {
      const m = ROW.exec(name);
      if (!m) continue;
      const [, i, j, field] = m;
      const item = items.get(Number(i)) ?? { fields: {} as FormValues, lines: new Map<number, FormValues>() };
      items.set(Number(i), item);
      if (j === undefined) {
        if ((ITEM_FIELDS as readonly string[]).includes(field!)) item.fields[field!] = value;
      } else if ((LINE_FIELDS as readonly string[]).includes(field!)) {
        const line: FormValues = item.lines.get(Number(j)) ?? {};
        line[field!] = value;
        item.lines.set(Number(j), line);
      }
    }
  }
  rows.items = [...items.entries()]
    .sort(([a], [b]) => a - b)
    .slice(0, MAX_ITEMS)
    .map(([, item]) => ({
      fields: item.fields,
      lines: [...item.lines.entries()]
        .sort(([a], [b]) => a - b)
        .slice(0, MAX_LINES)
        .map(([, line]) => line),
    }));
  rows.payment.ways = [...ways.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, way]) => way)
    .filter(filled)
    .slice(0, MAX_PAYMENT_WAYS);
  return rows;
}

const emptyOf = (): ProposalRows => ({
  top: {},
  datasetIds: [],
  reductions: {},
  items: [],
  payment: { payee: {}, ways: [] },
});

/** How many ways to pay the form shows: those given and one empty more, up to the schema's five. */
export const paymentWayRows = (rows: ProposalRows): number =>
  Math.min(rows.payment.ways.length + 1, MAX_PAYMENT_WAYS);

/** A new item: an id no other row has (ids name items in comments and links, never to people). */
function newItem(rows: ProposalRows): ProposalRows['items'][number] {
  const taken = new Set(rows.items.map((i) => i.fields.id));
  let n = rows.items.length + 1;
  while (taken.has(`item-${n}`)) n++;
  return { fields: { id: `item-${n}` }, lines: [{}] };
}

/** The rows with the button's change made (a save changes nothing here). */
export function applyAction(rows: ProposalRows, action: EditorAction): ProposalRows {
  const items = rows.items.map((i) => ({ fields: i.fields, lines: [...i.lines] }));
  switch (action.kind) {
    case 'add-item':
      if (items.length < MAX_ITEMS) items.push(newItem(rows));
      break;
    case 'remove-item':
      items.splice(action.item, 1);
      break;
    case 'add-line': {
      const item = items[action.item];
      if (item && item.lines.length < MAX_LINES) item.lines.push({});
      break;
    }
    case 'remove-line':
      items[action.item]?.lines.splice(action.line, 1);
      break;
  }
  return { ...rows, items };
}

/** An empty editor: one fee item with one cost line. */
export const emptyRows = (): ProposalRows => ({
  ...emptyOf(),
  items: [{ fields: { id: 'item-1' }, lines: [{}] }],
});

/** The rows as form values, numbered from 0 in order (the names the inputs carry). */
export function rowValues(rows: ProposalRows): FormValues {
  const values: FormValues = { ...rows.top, ...rows.payment.payee };
  rows.payment.ways.forEach((way, i) => {
    for (const [field, value] of Object.entries(way))
      values[`paymentInstructions.methods.${i}.${field}`] = value;
  });
  for (const id of rows.datasetIds) values[`datasetIds.${id}`] = 'on';
  for (const [purpose, percent] of Object.entries(rows.reductions)) values[`reductions.${purpose}`] = percent;
  rows.items.forEach((item, i) => {
    for (const [field, value] of Object.entries(item.fields)) values[`items.${i}.${field}`] = value;
    item.lines.forEach((line, j) => {
      for (const [field, value] of Object.entries(line)) values[`items.${i}.costLines.${j}.${field}`] = value;
    });
  });
  return values;
}

/** `1,200` or ` 3.5 ` as a number; anything else stays as typed, for the schema to refuse by field. */
function numberOrText(value: string): number | string {
  const plain = value.trim().replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : value;
}

/** Sets `path` (dotted) in `target` when `value` is filled in; an empty field is an absent one. */
function put(target: Record<string, unknown>, path: string, value: unknown): void {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return;
  const parts = path.split('.');
  let at = target;
  for (const part of parts.slice(0, -1)) {
    at[part] ??= {};
    at = at[part] as Record<string, unknown>;
  }
  at[parts.at(-1)!] = value;
}

const NUMERIC = new Set(['amountTwd', 'maxQuantity', 'quantity', 'unitCostTwd', 'consultationDays']);
const typed = (field: string, value: string | undefined) =>
  value === undefined ? undefined : NUMERIC.has(field) ? numberOrText(value) : value;

/** The body of `POST /fee-proposals` (or the PUT of an edit) that the rows stand for. */
export function rowsToBody(rows: ProposalRows, agencyId: string): Record<string, unknown> {
  const body: Record<string, unknown> = { agencyId, datasetIds: rows.datasetIds };
  // The objects are there even when empty, so that a missing `title.zh` is reported as that field.
  body.title = {};
  body.justification = {};
  for (const [field, value] of Object.entries(rows.top)) put(body, field, typed(field, value));
  body.reductions = Object.entries(rows.reductions)
    .filter(([, percent]) => percent.trim() !== '')
    .map(([purpose, percent]) => ({ purpose, percent: numberOrText(percent) }));
  body.items = rows.items.map((item) => {
    const out: Record<string, unknown> = { name: {} };
    for (const [field, value] of Object.entries(item.fields)) put(out, field, typed(field, value));
    out.costLines = item.lines.map((line) => {
      const l: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(line)) {
        if (field === 'incrementalPerUnit') put(l, field, value === '' ? undefined : value === 'true');
        else put(l, field, typed(field, value));
      }
      return l;
    });
    return out;
  });
  const payment = paymentBody(rows.payment);
  if (payment) body.paymentInstructions = payment;
  return body;
}

/**
 * The payment instructions the rows stand for; none when every field of them is empty (they are
 * optional). The payee is there even when empty, so that a missing `payee.zh` is reported as that field.
 */
function paymentBody(payment: ProposalRows['payment']): Record<string, unknown> | undefined {
  if (!filled(payment.payee) && payment.ways.length === 0) return undefined;
  const out: Record<string, unknown> = { payee: {} };
  for (const [field, value] of Object.entries(payment.payee))
    put(out, field.slice('paymentInstructions.'.length), value);
  out.methods = payment.ways.map((way) => {
    const w: Record<string, unknown> = { details: {} };
    for (const [field, value] of Object.entries(way)) put(w, field, value);
    return w;
  });
  return out;
}

/** How a refused body path reads as the editor's field (reductions and datasets are named otherwise). */
export function formPathOf(rows: ProposalRows): (path: string) => string {
  const purposes = Object.entries(rows.reductions)
    .filter(([, percent]) => percent.trim() !== '')
    .map(([purpose]) => purpose);
  return (path) => {
    if (path.startsWith('datasetIds')) return 'datasetIds';
    const reduction = /^reductions\.(\d+)/.exec(path);
    if (reduction) return `reductions.${purposes[Number(reduction[1])] ?? ''}`;
    return path;
  };
}

/** A stored proposal as the editor's rows, for a revision. */
export function proposalRows(p: FeeProposalInput): ProposalRows {
  const top: FormValues = {
    'title.zh': p.title.zh,
    legalBasis: p.legalBasis,
    effectiveFrom: p.effectiveFrom,
    'justification.publicInterest': p.justification.publicInterest,
    'justification.privacyAndTradeSecrets': p.justification.privacyAndTradeSecrets,
    'justification.costOfProduction': p.justification.costOfProduction,
    'justification.rightsHeld': p.justification.rightsHeld,
  };
  if (p.title.en !== undefined) top['title.en'] = p.title.en;
  if (p.explanationUrl !== undefined) top.explanationUrl = p.explanationUrl;
  if (p.consultationDays !== undefined) top.consultationDays = String(p.consultationDays);
  if (p.urgencyReason !== undefined) top.urgencyReason = p.urgencyReason;
  const text = (v: string | number | boolean | undefined) => (v === undefined ? undefined : String(v));
  const defined = (o: Record<string, string | undefined>): FormValues =>
    Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => e[1] !== undefined));
  const payment = p.paymentInstructions;
  return {
    top,
    payment: {
      payee: payment
        ? defined({
            'paymentInstructions.payee.zh': payment.payee.zh,
            'paymentInstructions.payee.en': payment.payee.en,
          })
        : {},
      ways: (payment?.methods ?? []).map((m) =>
        defined({ method: m.method, 'details.zh': m.details.zh, 'details.en': m.details.en }),
      ),
    },
    datasetIds: [...p.datasetIds],
    reductions: Object.fromEntries(p.reductions.map((r) => [r.purpose, String(r.percent)])),
    items: p.items.map((item) => ({
      fields: defined({
        id: item.id,
        'name.zh': item.name.zh,
        'name.en': item.name.en,
        unit: item.unit,
        amountTwd: String(item.amountTwd),
        exceptionReason: item.exceptionReason,
        maxQuantity: text(item.maxQuantity),
      }),
      lines: item.costLines.map((l) =>
        defined({
          category: l.category,
          description: l.description,
          quantity: String(l.quantity),
          unitCostTwd: String(l.unitCostTwd),
          incrementalPerUnit: text(l.incrementalPerUnit),
          incrementalReason: l.incrementalReason,
        }),
      ),
    })),
  };
}
