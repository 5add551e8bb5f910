// The editor's and the desk's markup: refusals by field in both languages with a summary that links
// to them, rows with buttons that name their action, the costs as computed, and the desk's progress.
import { describe, expect, it } from 'vitest';
import { html } from '#templates/escape';
import { proposalEditorForm, type ProposalEditorView } from '#templates/pages/proposal-editor';
import {
  answerCommentBody,
  consultationDeskBody,
  type DeskComment,
} from '#templates/pages/consultation-desk';
import { checkAnswersBody } from '#templates/pages/proposal-status';
import { proposal } from '../vote-templates/fixtures.ts';

const CSRF = html`<input type="hidden" name="csrfToken" value="t0k3n" />`;

function editor(overrides: Partial<ProposalEditorView> = {}): string {
  return proposalEditorForm({
    action: '/agency/proposals/new',
    csrf: CSRF,
    datasets: [{ id: 'nlsc-cadastral-maps', title: { zh: '地籍圖', en: 'Cadastral maps' } }],
    rows: { items: [{ lines: 2 }, { lines: 1 }], paymentWays: 1 },
    state: {
      values: { 'items.0.id': 'item-1', 'items.1.id': 'item-2', 'datasetIds.nlsc-cadastral-maps': 'on' },
    },
    costs: [
      {
        documentedUnitCostTwd: 1300,
        marginalUnitCostTwd: 900,
        amountTwd: 1200,
        exceptionReasonNeeded: true,
        chargeAboveDocumented: false,
      },
      undefined,
    ],
    ...overrides,
  }).value;
}

describe('the proposal editor form', () => {
  it('has buttons naming each action, the CSRF field, and the costs the server computed', () => {
    const markup = editor();
    for (const action of [
      'add-item',
      'add-line-0',
      'add-line-1',
      'remove-item-0',
      'remove-item-1',
      'remove-line-0-1',
      'save',
      'check',
    ]) {
      expect(markup).toContain(`name="action" value="${action}"`);
    }
    expect(markup).not.toContain('value="remove-line-1-0"'); // the only line of an item stays
    expect(markup).toContain('name="csrfToken" value="t0k3n"');
    expect(markup).toContain('文件化單位成本 <strong>NT$1,300</strong>');
    expect(markup).toContain('須填寫例外理由');
    expect(markup).toContain('an exception reason is needed');
    expect(markup).toMatch(/name="datasetIds\.nlsc-cadastral-maps"\s+value="on"\s+checked/);
    expect(markup).not.toContain('<script');
  });

  it('shows a refusal next to each field in both languages, and a summary linking to them', () => {
    const markup = editor({
      state: {
        values: { 'items.0.id': 'item-1' },
        problem: {
          code: 'VALIDATION_FAILED',
          message: 'The request body is not valid',
          fields: { 'title.zh': 'Must not be empty.', 'items.0.costLines.1.quantity': 'Expected number' },
        },
      },
    });
    expect(markup).toContain('class="error-summary"');
    expect(markup).toContain('href="#f-title-zh"');
    expect(markup).toContain('href="#f-items-0-costLines-1-quantity"');
    expect(markup).toContain('請填寫中文名稱');
    expect(markup).toContain('Give a Chinese title');
    expect(markup).toMatch(
      /id="f-items-0-costLines-1-quantity"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-items-0-costLines-1-quantity"/s,
    );
    expect(markup).toContain('請填大於 0');
  });

  it('offers the payee and the ways to pay it was given, and refuses them by field in both languages', () => {
    const markup = editor({
      rows: { items: [{ lines: 1 }], paymentWays: 2 },
      state: {
        values: {
          'items.0.id': 'item-1',
          'paymentInstructions.payee.en': 'NLSC',
          'paymentInstructions.methods.0.method': 'COUNTER',
        },
        problem: {
          code: 'VALIDATION_FAILED',
          message: 'The request body is not valid',
          fields: { 'paymentInstructions.payee.zh': '', 'paymentInstructions.methods.0.details.zh': '' },
        },
      },
    });
    for (const name of [
      'paymentInstructions.payee.zh',
      'paymentInstructions.payee.en',
      'paymentInstructions.methods.1.method',
      'paymentInstructions.methods.1.details.zh',
      'paymentInstructions.methods.1.details.en',
    ])
      expect(markup).toContain(`name="${name}"`);
    expect(markup).not.toContain('name="paymentInstructions.methods.2.method"');
    expect(markup).toMatch(/value="COUNTER"\s+selected/);
    expect(markup).toContain('href="#f-paymentInstructions-payee-zh"');
    expect(markup).toContain('href="#f-paymentInstructions-methods-0-details-zh"');
    expect(markup).toContain('請填寫中文受款人');
    expect(markup).toContain('give the payee in Chinese');
    expect(markup).toContain('請填寫中文說明');
    expect(markup).toContain('give its details in Chinese');
  });
});

const COMMENT: DeskComment = {
  id: '01J0COMMENT',
  receivedAt: '2027-03-02T01:00:00Z',
  itemId: 'f-01',
  body: '收費過高',
  author: { name: '王小明' },
  tier: 'VERIFIED_EMAIL',
  organizationSelfDeclared: false,
  sameText: 3,
  disposition: null,
  answer: '/agency/consultations/fp-1/comments/01J0COMMENT',
};

const DESK_PROPOSAL = {
  id: 'fp-1',
  title: { zh: '地籍圖資料收費基準' },
  status: 'IN_CONSULTATION' as const,
  items: proposal().items,
  consultation: {
    round: 1,
    opensAt: '2027-03-01T00:00:00Z',
    closesAt: '2027-04-30T00:00:00Z',
    extensions: [],
  },
};

describe('the consultation desk', () => {
  it('says how many are answered, and shows each comment with its item, tier and campaign group', () => {
    const markup = consultationDeskBody({
      proposal: DESK_PROPOSAL,
      progress: { answered: 1, total: 4 },
      comments: [COMMENT],
      canAnswer: true,
      canExtend: true,
      csrf: CSRF,
      links: { publicPage: '/consultations/fp-1', extend: '/agency/consultations/fp-1/extend' },
    }).value;
    expect(markup).toContain('1 of 4 answered');
    expect(markup).toContain('逐時觀測資料客製化擷取'); // the item by its name
    expect(markup).toContain('電子郵件已驗證');
    expect(markup).toContain('campaign text ×3');
    expect(markup).toContain('href="/agency/consultations/fp-1/comments/01J0COMMENT"');
    expect(markup).toContain('action="/agency/consultations/fp-1/extend"');
    expect(markup).toContain('type="date"');
    expect(markup).toContain('type="time"');
  });

  it('answers a campaign group at once, with the three dispositions to choose from', () => {
    const markup = answerCommentBody({
      proposal: DESK_PROPOSAL,
      comment: COMMENT,
      groupSize: 3,
      csrf: CSRF,
      action: COMMENT.answer,
      back: '/agency/consultations/fp-1',
      state: { values: {} },
    }).value;
    expect(markup).toContain('all 3 copies');
    for (const value of ['ADOPTED', 'PARTLY_ADOPTED', 'NOT_ADOPTED'])
      expect(markup).toContain(`value="${value}"`);
    expect(markup).toContain('name="reply"');
  });
});

describe('check your answers', () => {
  it('lists what will be published with a link to change each part, and one submit button', () => {
    const p = proposal();
    const markup = checkAnswersBody({
      proposal: {
        id: 'fp-1',
        title: { zh: '地籍圖資料收費基準' },
        status: 'DRAFT',
        version: 2,
        updatedAt: '2027-03-01T00:00:00Z',
        legalBasis: p.legalBasis,
        effectiveFrom: '2027-09-01',
        justification: {
          publicInterest: 'a',
          privacyAndTradeSecrets: 'b',
          costOfProduction: 'c',
          rightsHeld: 'd',
        },
        datasets: [{ id: 'nlsc-cadastral-maps', title: { zh: '地籍圖', en: 'Cadastral maps' } }],
        items: p.items,
        reductions: p.reductions,
        paymentInstructions: {
          payee: { zh: '內政部國土測繪中心' },
          methods: [
            { method: 'BANK_TRANSFER', details: { zh: '臺灣銀行 帳號 012', en: 'Bank of Taiwan 012' } },
          ],
        },
        consultationDays: 60,
      },
      csrf: CSRF,
      links: {
        edit: '/agency/proposals/fp-1/edit',
        submit: '/agency/proposals/fp-1/check',
        preview: '/agency/proposals/fp-1/preview',
      },
    }).value;
    expect(markup).toContain('href="/agency/proposals/fp-1/edit#f-title-zh"');
    expect(markup).toContain('href="/agency/proposals/fp-1/edit#f-effectiveFrom"');
    expect(markup).toContain('action="/agency/proposals/fp-1/check"');
    expect(markup).toContain('60 日');
    // The payment instructions as the quote will show them; English only where given.
    expect(markup).toContain('受款人 <span lang="en">Payee</span>：內政部國土測繪中心');
    expect(markup).toContain('Bank transfer: Bank of Taiwan 012');
    expect(markup).toContain('href="/agency/proposals/fp-1/edit#f-paymentInstructions"');
    expect(markup.match(/<button/g)).toHaveLength(1);
  });
});
