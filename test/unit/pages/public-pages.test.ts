// The public pages escape every value they print, show refusals next to the fields they name, and
// keep what was typed; the form helper turns dotted field names into the JSON body.
import { describe, expect, it } from 'vitest';
import { formToBody, formValues, isFormPost, refusalOf } from '#http/forms';
import { COMMENT_LABELS, CommentInputSchema } from '#domain/consultation';
import { fieldLimitsOf } from '#domain/field-limits';
import { ConflictError, ValidationError } from '#domain/errors';
import { LICENSE_REQUEST_LABELS, LicenseRequestSchema } from '#domain/license';
import { consultationPage, type ConsultationPageView } from '#templates/pages/consultation';
import { homePage } from '#templates/pages/home';
import { licenseQuotedPage, licenseRequestPage, type LicenseDatasetView } from '#templates/pages/license';
import { licenseFormBody } from '#templates/pages/license-form-fields';

const ZH = { lang: 'zh', switchHref: '/?lang=en' } as const;
const EN = { lang: 'en', switchHref: '/?lang=zh' } as const;
const HOSTILE = `<script>alert("x")</script>'&`;
const label = (text: string) => ({ zh: text, en: text });

function proposalView(overrides: Partial<ConsultationPageView> = {}): ConsultationPageView {
  return {
    proposal: {
      id: 'fp-1',
      title: label(HOSTILE),
      agencyName: label('內政部國土測繪中心'),
      version: 1,
      legalBasis: HOSTILE,
      effectiveFrom: '2031-01-01',
      items: [
        {
          id: 'sheet',
          name: label(HOSTILE),
          unit: { zh: '每檔', en: 'per file' },
          amountTwd: 200,
          documentedUnitCostTwd: 220,
          marginalUnitCostTwd: 20,
          exceptionReason: HOSTILE,
          costLines: [
            {
              category: 'MEDIA',
              description: HOSTILE,
              quantity: 1,
              unitCostTwd: 20,
              lineCostTwd: 20,
              incremental: true,
            },
          ],
        },
      ],
      reductions: [{ purpose: 'ACADEMIC', percent: 50 }],
      status: 'IN_CONSULTATION',
      justification: {
        publicInterest: HOSTILE,
        privacyAndTradeSecrets: HOSTILE,
        costOfProduction: HOSTILE,
        rightsHeld: HOSTILE,
      },
      datasets: [
        {
          id: 'nlsc-cadastral-maps',
          title: label(HOSTILE),
          url: '/datasets/nlsc-cadastral-maps',
          feeSchedulesUrl: '/datasets/nlsc-cadastral-maps/fee-schedules',
        },
      ],
      consultation: {
        round: 1,
        opensAt: '2026-11-01T00:00:00.000Z',
        closesAt: '2026-12-31T00:00:00.000Z',
        extensions: [{ closesAt: '2026-12-31T00:00:00.000Z', reason: HOSTILE }],
      },
    },
    open: true,
    commentLabels: COMMENT_LABELS,
    commentLimits: fieldLimitsOf(CommentInputSchema),
    comments: [
      {
        id: 'c1',
        receivedAt: '2026-11-02T00:00:00.000Z',
        itemId: 'sheet',
        body: HOSTILE,
        author: { name: HOSTILE, organization: HOSTILE },
        tier: 'UNVERIFIED',
        organizationSelfDeclared: true,
        sameText: 2,
        disposition: { disposition: 'NOT_ADOPTED', reply: HOSTILE, answeredAt: '2026-11-03T00:00:00.000Z' },
      },
    ],
    links: { commentAction: '/fee-proposals/fp-1/comments', trail: '/consultations/fp-1/events' },
    ...overrides,
  };
}

const dataset: LicenseDatasetView = {
  id: 'moi-village-boundaries',
  title: label(HOSTILE),
  agencyName: label(HOSTILE),
  version: HOSTILE,
  classification: 'OPEN',
  description: label(HOSTILE),
};

describe('public pages', () => {
  it.each([
    ['the proposal page', () => consultationPage(proposalView(), ZH)],
    ['the proposal page in English', () => consultationPage(proposalView(), EN)],
    [
      'a refused comment form',
      () =>
        consultationPage(
          proposalView({
            form: {
              values: { body: HOSTILE, 'author.email': HOSTILE },
              problem: { code: 'VALIDATION_FAILED', message: HOSTILE, fields: { 'author.email': HOSTILE } },
            },
          }),
          ZH,
        ),
    ],
    [
      'the license request page',
      () =>
        licenseRequestPage(
          {
            dataset,
            action: '/licenses',
            fieldLabels: LICENSE_REQUEST_LABELS,
            fieldLimits: fieldLimitsOf(LicenseRequestSchema),
            form: { values: { 'licensee.name': HOSTILE } },
          },
          EN,
        ),
    ],
    [
      'the home page',
      () =>
        homePage(
          {
            open: [],
            underReview: [],
            decided: [],
            links: { archive: '/archive', feed: '/feed.atom' },
            datasets: [
              {
                id: 'd',
                title: label(HOSTILE),
                url: '/datasets/d',
                agencyName: label(HOSTILE),
                version: HOSTILE,
                classification: 'OPEN',
              },
            ],
          },
          ZH,
        ),
    ],
  ])('%s escapes every value and carries no script', (_name, render) => {
    const markup = render();
    expect(markup).not.toMatch(/<script/i);
    expect(markup).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&amp;');
  });

  it('shows the refusal next to its field, marks the field invalid and keeps what was typed', () => {
    // Act
    const markup = consultationPage(
      proposalView({
        form: {
          values: { body: '金額偏高。', 'author.email': 'not-an-address' },
          problem: {
            code: 'VALIDATION_FAILED',
            message: 'invalid',
            fields: { 'author.email': 'Invalid email address' },
          },
        },
      }),
      ZH,
    );
    // Assess
    expect(markup).toMatch(
      /<input[^>]*id="f-author-email"[^>]*value="not-an-address"[^>]*aria-invalid="true"/s,
    );
    expect(markup).toMatch(/aria-describedby="f-author-email-hint f-author-email-error"/);
    expect(markup).toContain('id="f-author-email-error">請填寫有效的電子郵件地址');
    expect(markup).toContain('金額偏高。</textarea');
    expect(markup).toContain('href="#f-author-email"');
  });

  it('names each fee item in the fee table, the cost basis, the comment form and a comment, never by its id', () => {
    const item = { ...proposalView().proposal.items[0]!, name: { zh: '地籍圖檔', en: 'Cadastral map file' } };
    const view = proposalView();
    const markup = consultationPage({ ...view, proposal: { ...view.proposal, items: [item] } }, ZH);
    // Ids stay in anchors and form values only.
    const shown = markup.replace(/(href|id|aria-labelledby|value)="[^"]*"/g, '');
    expect(shown).not.toMatch(/\bsheet\b/);
    expect(markup).toMatch(/<option value="sheet"[^>]*>\s*地籍圖檔/);
    expect(markup).toMatch(/<a href="#item-sheet">\s*地籍圖檔/);
  });

  it('has no comment form once the consultation has closed', () => {
    expect(consultationPage(proposalView({ open: false }), ZH)).not.toContain('<form');
    expect(consultationPage(proposalView(), ZH)).toContain(
      '<form method="post" action="/fee-proposals/fp-1/comments"',
    );
  });

  it('quotes a license on application with its reduction and what happens next', () => {
    const markup = licenseQuotedPage(
      {
        licenseId: 'lic-1',
        requestedAt: '2026-11-02T00:00:00.000Z',
        dataset: { title: label('數值地籍圖'), version: '2026-Q3', agencyName: label('內政部國土測繪中心') },
        quote: {
          lines: [
            {
              itemId: 'sheet',
              name: label('地籍圖'),
              unit: 'PER_FILE',
              quantity: 2,
              unitAmountTwd: 100,
              amountTwd: 200,
            },
          ],
          subtotalTwd: 200,
          reductionPercent: 50,
          reductionTwd: 100,
          totalTwd: 100,
          rounding: 'REDUCTION_ON_SUBTOTAL_ROUNDED_HALF_UP',
          purpose: 'ACADEMIC',
          schedule: {
            title: label('地籍圖收費基準'),
            url: '/consultations/fp-1',
            legalBasis: '規費法第 10 條',
            payment: {
              payee: { zh: '內政部國土測繪中心', en: 'National Land Surveying and Mapping Center' },
              methods: [
                {
                  method: 'BANK_TRANSFER',
                  details: { zh: '臺灣銀行 帳號 012-345678', en: 'Bank of Taiwan, account 012-345678' },
                },
              ],
            },
          },
        },
        myLicensesAction: '/my-licenses',
        reused: false,
      },
      ZH,
    );
    expect(markup).toContain('減收 50%');
    expect(markup).toContain('<strong>NT$100</strong>');
    expect(markup).toContain('機關確認收款後核發授權證明書');
    expect(markup).toContain('四捨五入至元');
    expect(markup).toContain('銀行匯款');
    expect(markup).toContain('臺灣銀行 帳號 012-345678');
    expect(markup).toContain('<strong>lic-1</strong>');
    // The licensee can have the link to all their licenses mailed from here.
    expect(markup).toContain('<form method="post" action="/my-licenses"');
  });

  it('asks for a quantity of each item of the schedule in force, and marks the refused row', () => {
    const schedule = {
      proposalId: 'fp-1',
      title: label('地籍圖收費基準'),
      effectiveFrom: '2026-07-01',
      url: '/consultations/fp-1',
      items: [
        { id: 'sheet', name: label('地籍圖'), unit: 'PER_FILE' as const, amountTwd: 20, maxQuantity: 10 },
        { id: 'extract', name: label('客製擷取'), unit: 'PER_REQUEST' as const, amountTwd: 1500 },
      ],
      reductions: [],
    };
    const dataset = {
      id: 'cadastral',
      title: label('數值地籍圖'),
      agencyName: label('內政部國土測繪中心'),
      version: '2026-Q3',
      classification: 'ON_APPLICATION' as const,
      feeSchedule: schedule,
    };
    const markup = licenseRequestPage(
      {
        dataset,
        action: '/licenses',
        fieldLabels: LICENSE_REQUEST_LABELS,
        fieldLimits: fieldLimitsOf(LicenseRequestSchema),
        form: {
          values: { 'items.1.quantity': '0' },
          problem: { code: 'QUANTITY_OUT_OF_LIMITS', message: 'm', fields: { 'items.1.quantity': '' } },
        },
      },
      ZH,
    );
    expect(markup).toContain('name="items.0.itemId" value="sheet"');
    expect(markup).toContain('name="items.1.itemId" value="extract"');
    expect(markup).toMatch(/max="10"[^>]*name="items.0.quantity"/s);
    expect(markup).toMatch(/name="items.1.quantity"\s+value="0"\s+aria-invalid="true"/);
    expect(markup).toContain('href="#f-items-1-quantity"');
  });
});

describe('the license form’s item rows', () => {
  it('become the request’s items, empty rows left out, and refusals point back at the row', () => {
    const { body, formPath } = licenseFormBody({
      datasetId: 'd',
      items: {
        '0': { itemId: 'sheet' },
        '1': { itemId: 'extract', quantity: '2' },
        '2': { itemId: 'x', quantity: 'two' },
      },
    });
    expect(body.items).toEqual([
      { itemId: 'extract', quantity: 2 },
      { itemId: 'x', quantity: 'two' },
    ]);
    expect(formPath('items.0.quantity')).toBe('items.1.quantity');
    expect(formPath('items.1')).toBe('items.2');
    expect(formPath('items')).toBe('items');
    expect(formPath('licensee.name')).toBe('licensee.name');
  });
});

describe('forms posted to the API routes', () => {
  const fields = ['datasetId', 'licensee.name', 'licensee.email', 'licensee.organization', 'purpose'];

  it('tells a form post from a JSON call by its content type', () => {
    expect(isFormPost({ 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' })).toBe(true);
    expect(isFormPost({ 'content-type': 'application/json' })).toBe(false);
    expect(isFormPost({})).toBe(false);
  });

  it('nests dotted field names, drops empty and unlisted fields, and keeps the objects fields belong to', () => {
    const values = formValues(
      { datasetId: 'd', 'licensee.name': '', 'licensee.email': 'a@b.tw', purpose: 'ACADEMIC', admin: 'yes' },
      fields,
    );
    expect(values).not.toHaveProperty('admin');
    expect(formToBody(values, fields)).toEqual({
      datasetId: 'd',
      licensee: { email: 'a@b.tw' },
      purpose: 'ACADEMIC',
    });
  });

  it('shows refusals of bad input, unknown ids, wrong state and business rules on the form, nothing else', () => {
    const refusal = refusalOf(
      new ValidationError('bad', [{ path: 'licensee.email', message: 'Invalid email address' }]),
    );
    expect(refusal).toMatchObject({ status: 400, fields: { 'licensee.email': 'Invalid email address' } });
    expect(refusalOf(new ConflictError('CONSULTATION_CLOSED', 'closed'))).toMatchObject({
      status: 409,
      fields: {},
    });
    expect(refusalOf(new Error('boom'))).toBeUndefined();
  });
});
