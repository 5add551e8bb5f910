/**
 * The fields of the license request form, each named by the dotted path of the JSON field it fills.
 * Its own module: the API route that reads the form needs the names, not the page.
 *
 * The fee items of the schedule in force are rows `items.{row}.itemId` (hidden) and
 * `items.{row}.quantity` (typed): a row left empty is an item not wanted, so the rows sent are
 * compacted into the request's `items` list and refusals about a list entry are pointed back at
 * the row it came from.
 */
const PERSON_FIELDS = [
  'datasetId',
  'licensee.name',
  'licensee.email',
  'licensee.organization',
  'purpose',
] as const;

/** As many rows as a request may list items (LicenseRequestSchema). */
export const MAX_ITEM_ROWS = 50;

export const itemRowField = (row: number, part: 'itemId' | 'quantity') => `items.${row}.${part}`;

export const LICENSE_FORM_FIELDS: readonly string[] = [
  ...PERSON_FIELDS,
  ...Array.from({ length: MAX_ITEM_ROWS }, (_, row) => [
    itemRowField(row, 'itemId'),
    itemRowField(row, 'quantity'),
  ]).flat(),
];

export type LicensePersonField = Exclude<(typeof PERSON_FIELDS)[number], 'datasetId'>;

/**
 * The request body a posted form stands for: rows with a quantity become `items` entries (the
 * quantity a number when it is one, else left as typed so the schema names it), and `formPath`
 * maps a refused entry's path (`items.0.quantity`) back to its row's field.
 */
export function licenseFormBody(body: Record<string, unknown>): {
  body: Record<string, unknown>;
  formPath: (path: string) => string;
} {
  const rows = (body.items ?? {}) as Record<string, { itemId?: string; quantity?: string }>;
  const kept = Object.keys(rows)
    .map(Number)
    .sort((a, b) => a - b)
    .filter((row) => rows[row]?.quantity !== undefined);
  const items = kept.map((row) => {
    const { itemId, quantity } = rows[row]!;
    const n = Number(quantity);
    return { itemId, quantity: /^\s*-?\d+\s*$/.test(quantity!) && Number.isSafeInteger(n) ? n : quantity };
  });
  const formPath = (path: string) =>
    path.replace(/^items\.(\d+)(?=\.|$)/, (whole, i: string) => {
      const row = kept[Number(i)];
      return row === undefined ? whole : `items.${row}`;
    });
  return { body: { ...body, items }, formPath };
}

/** The field of the form that mails the link to one's licenses (MyLicensesRequestSchema). */
export const MY_LICENSES_FORM_FIELDS: readonly string[] = ['email'];
