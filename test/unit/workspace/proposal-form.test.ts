import { describe, expect, it } from 'vitest';
import { FeeProposalInputSchema } from '#domain/fee-proposal';
import {
  actionValue,
  applyAction,
  emptyRows,
  formPathOf,
  parseAction,
  proposalRows,
  readRows,
  rowsToBody,
  paymentWayRows,
  rowValues,
} from '#http/proposal-form';
import { itemCosts } from '#usecases/proposal-editor-view';

/** A filled form as a browser posts it: every input, some left empty. */
const POSTED = {
  'title.zh': '地籍圖資料收費基準',
  'title.en': '',
  'datasetIds.nlsc-cadastral-maps': 'on',
  'justification.publicInterest': '公共利益說明',
  'justification.privacyAndTradeSecrets': '不涉及個人資料',
  'justification.costOfProduction': '圖資客製化成本',
  'justification.rightsHeld': '本中心擁有完整權利',
  legalBasis: '規費法第10條',
  explanationUrl: '',
  effectiveFrom: '2027-06-01',
  consultationDays: '',
  urgencyReason: '',
  'items.0.id': 'item-1',
  'items.0.name.zh': '圖幅',
  'items.0.name.en': 'Map sheet',
  'items.0.unit': 'PER_FILE',
  'items.0.amountTwd': '1,200',
  'items.0.exceptionReason': '人工檢核',
  'items.0.maxQuantity': '',
  'items.0.costLines.0.category': 'PERSONNEL',
  'items.0.costLines.0.description': '人工檢核',
  'items.0.costLines.0.quantity': '1.5',
  'items.0.costLines.0.unitCostTwd': '600',
  'items.0.costLines.0.incrementalPerUnit': '',
  'items.0.costLines.0.incrementalReason': '',
  'items.0.costLines.1.category': 'PROCESSING',
  'items.0.costLines.1.description': '格式轉換',
  'items.0.costLines.1.quantity': '1',
  'items.0.costLines.1.unitCostTwd': '400',
  'items.0.costLines.1.incrementalPerUnit': '',
  'items.0.costLines.1.incrementalReason': '',
  'items.1.id': 'item-2',
  'items.1.name.zh': '圖檔下載',
  'items.1.unit': 'PER_GB',
  'items.1.amountTwd': '30',
  'items.1.costLines.0.category': 'DELIVERY',
  'items.1.costLines.0.description': '頻寬',
  'items.1.costLines.0.quantity': '1',
  'items.1.costLines.0.unitCostTwd': '30',
  'reductions.ACADEMIC': '50',
  'reductions.COMMERCIAL': '',
  csrfToken: 'not a field of the body',
  action: 'save',
};

describe('the proposal editor form', () => {
  it('stands for a body the API schema accepts, numbers and checkboxes read as the body has them', () => {
    const body = rowsToBody(readRows(POSTED), 'moi-nlsc');
    const parsed = FeeProposalInputSchema.parse(body);
    expect(parsed.title).toEqual({ zh: '地籍圖資料收費基準' });
    expect(parsed.datasetIds).toEqual(['nlsc-cadastral-maps']);
    expect(parsed.items[0]!.amountTwd).toBe(1200);
    expect(parsed.items[0]!.costLines[0]!.quantity).toBe(1.5);
    expect(parsed.items[1]!.name).toEqual({ zh: '圖檔下載' });
    expect(parsed.reductions).toEqual([{ purpose: 'ACADEMIC', percent: 50 }]);
    expect(body).not.toHaveProperty('csrfToken');
  });

  it('gives a stored proposal back as the same rows, so a revision starts from what was filed', () => {
    const input = FeeProposalInputSchema.parse(rowsToBody(readRows(POSTED), 'moi-nlsc'));
    const again = FeeProposalInputSchema.parse(rowsToBody(proposalRows(input), 'moi-nlsc'));
    expect(again).toEqual(input);
  });

  it('adds and removes rows, renumbering the rest so the names stay contiguous', () => {
    const rows = readRows(POSTED);
    const added = applyAction(rows, parseAction('add-item'));
    expect(added.items).toHaveLength(3);
    expect(added.items[2]!.fields.id).toBe('item-3');
    expect(added.items[2]!.lines).toHaveLength(1);

    const removed = applyAction(rows, parseAction(actionValue({ kind: 'remove-item', item: 0 })));
    const values = rowValues(removed);
    expect(values['items.0.name.zh']).toBe('圖檔下載');
    expect(values['items.1.name.zh']).toBeUndefined();

    const lineGone = applyAction(rows, parseAction('remove-line-0-0'));
    expect(rowValues(lineGone)['items.0.costLines.0.description']).toBe('格式轉換');
    const lineAdded = applyAction(rows, parseAction('add-line-1'));
    expect(lineAdded.items[1]!.lines).toHaveLength(2);
  });

  it('reads any other button value as a save, and never adds beyond the schema’s limits', () => {
    expect(parseAction('drop tables')).toEqual({ kind: 'save' });
    expect(parseAction(undefined)).toEqual({ kind: 'save' });
    expect(parseAction('check')).toEqual({ kind: 'check' });
    let rows = emptyRows();
    for (let i = 0; i < 60; i++) rows = applyAction(rows, { kind: 'add-item' });
    expect(rows.items).toHaveLength(50);
  });

  it('names a refused reduction or dataset by the form’s own field', () => {
    const rows = readRows({ ...POSTED, 'reductions.PUBLIC_INTEREST': '30' });
    const formPath = formPathOf(rows);
    expect(formPath('reductions.1.percent')).toBe('reductions.PUBLIC_INTEREST');
    expect(formPath('datasetIds.0')).toBe('datasetIds');
    expect(formPath('items.0.costLines.1.quantity')).toBe('items.0.costLines.1.quantity');
  });
});

/** The payment part of the form: the payee and three ways, the middle one left wholly empty. */
const PAYMENT = {
  'paymentInstructions.payee.zh': '內政部國土測繪中心',
  'paymentInstructions.payee.en': '',
  'paymentInstructions.methods.0.method': 'BANK_TRANSFER',
  'paymentInstructions.methods.0.details.zh': '臺灣銀行黎明分行 帳號 012-345-678',
  'paymentInstructions.methods.0.details.en': 'Bank of Taiwan, Liming branch, account 012-345-678',
  'paymentInstructions.methods.1.method': '',
  'paymentInstructions.methods.1.details.zh': '',
  'paymentInstructions.methods.1.details.en': '',
  'paymentInstructions.methods.2.method': 'COUNTER',
  'paymentInstructions.methods.2.details.zh': '臺中市南屯區黎明路二段497號 週一至週五 9–17時',
  'paymentInstructions.methods.2.details.en': '',
};

/** The refused body paths, as the editor names its fields. */
function refusedFields(posted: Record<string, string>): string[] {
  const rows = readRows(posted);
  const result = FeeProposalInputSchema.safeParse(rowsToBody(rows, 'moi-nlsc'));
  return result.success ? [] : result.error.issues.map((i) => formPathOf(rows)(i.path.join('.')));
}

describe('the payment instructions of the editor', () => {
  it('are absent from the body while every field of them is empty (they are optional)', () => {
    const blank = Object.fromEntries(Object.keys(PAYMENT).map((k) => [k, '']));
    const body = rowsToBody(readRows({ ...POSTED, ...blank }), 'moi-nlsc');
    expect(body).not.toHaveProperty('paymentInstructions');
    expect(FeeProposalInputSchema.parse(body).paymentInstructions).toBeUndefined();
  });

  it('read the payee and the ways given, a wholly empty way dropped and the rest renumbered', () => {
    const parsed = FeeProposalInputSchema.parse(rowsToBody(readRows({ ...POSTED, ...PAYMENT }), 'moi-nlsc'));
    expect(parsed.paymentInstructions).toEqual({
      payee: { zh: '內政部國土測繪中心' },
      methods: [
        {
          method: 'BANK_TRANSFER',
          details: {
            zh: '臺灣銀行黎明分行 帳號 012-345-678',
            en: 'Bank of Taiwan, Liming branch, account 012-345-678',
          },
        },
        { method: 'COUNTER', details: { zh: '臺中市南屯區黎明路二段497號 週一至週五 9–17時' } },
      ],
    });
    const values = rowValues(readRows({ ...POSTED, ...PAYMENT }));
    expect(values['paymentInstructions.methods.1.method']).toBe('COUNTER');
    expect(values['paymentInstructions.methods.2.method']).toBeUndefined();
  });

  it('come back from a stored proposal as the same rows, with one empty way more to fill in', () => {
    const input = FeeProposalInputSchema.parse(rowsToBody(readRows({ ...POSTED, ...PAYMENT }), 'moi-nlsc'));
    const rows = proposalRows(input);
    expect(FeeProposalInputSchema.parse(rowsToBody(rows, 'moi-nlsc'))).toEqual(input);
    expect(paymentWayRows(rows)).toBe(3);
    expect(paymentWayRows(emptyRows())).toBe(1);
  });

  it('offer at most the schema’s five ways, and read no more', () => {
    const six = Object.fromEntries(
      Array.from({ length: 6 }, (_, i) => [
        [`paymentInstructions.methods.${i}.method`, 'ONLINE'],
        [`paymentInstructions.methods.${i}.details.zh`, `繳費網址 ${i}`],
      ]).flat(),
    );
    const rows = readRows({ ...POSTED, ...PAYMENT, ...six });
    expect(rows.payment.ways).toHaveLength(5);
    expect(paymentWayRows(rows)).toBe(5);
  });

  it('are refused by the field that needs fixing: the payee, a way’s kind or its Chinese details', () => {
    expect(
      refusedFields({
        ...POSTED,
        ...PAYMENT,
        'paymentInstructions.payee.zh': '',
        'paymentInstructions.payee.en': 'NLSC',
        'paymentInstructions.methods.0.method': '',
        'paymentInstructions.methods.2.details.zh': '',
        'paymentInstructions.methods.2.details.en': 'At the counter',
      }),
    ).toEqual([
      'paymentInstructions.payee.zh',
      'paymentInstructions.methods.0.method',
      'paymentInstructions.methods.1.details.zh',
    ]);
    // A payee with no way to pay: the ways are refused as a whole.
    expect(refusedFields({ ...POSTED, 'paymentInstructions.payee.zh': '內政部國土測繪中心' })).toEqual([
      'paymentInstructions.methods',
    ]);
  });
});

describe('the costs the editor shows for an item', () => {
  it('are the fee rules’ documented and marginal unit cost, with whether an exception reason is needed', () => {
    const body = rowsToBody(readRows(POSTED), 'moi-nlsc') as { items: unknown[] };
    // 1.5 × 600 (personnel, marginal) + 1 × 400 (processing, not marginal)
    expect(itemCosts(body.items[0])).toEqual({
      documentedUnitCostTwd: 1300,
      marginalUnitCostTwd: 900,
      amountTwd: 1200,
      exceptionReasonNeeded: true,
      chargeAboveDocumented: false,
    });
    expect(itemCosts(body.items[1])).toMatchObject({
      exceptionReasonNeeded: false,
      chargeAboveDocumented: false,
    });
  });

  it('wait until every cost line is complete', () => {
    const rows = readRows({ ...POSTED, 'items.0.costLines.1.quantity': 'two' });
    const body = rowsToBody(rows, 'moi-nlsc') as { items: unknown[] };
    expect(itemCosts(body.items[0])).toBeUndefined();
  });
});
