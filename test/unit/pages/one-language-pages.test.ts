// The proposal page with its comment form, the refused comment's page, the license pages, "my
// licenses" and the pages of a mailed confirmation link (a license's, a comment's) print the reader's
// language alone, a form's refusal included; the workspace, which calls the same fee-table and form
// helpers without a language, still gets both.
import { describe, expect, it } from 'vitest';
import { COMMENT_LABELS, CommentInputSchema } from '#domain/consultation';
import { fieldLimitsOf } from '#domain/field-limits';
import { LICENSE_REQUEST_LABELS, LicenseRequestSchema } from '#domain/license';
import { consultationPage, type ConsultationPageView } from '#templates/pages/consultation';
import { refusedCommentPage } from '#templates/pages/comment-refused';
import { feeTable } from '#templates/pages/fee-schedule';
import { inputField } from '#templates/pages/form-fields';
import {
  licenseIssuedPage,
  licenseQuotedPage,
  licenseRequestPage,
  type LicenseQuotedPageView,
} from '#templates/pages/license';
import { myLicensesFormPage, myLicensesLinkProblemPage, myLicensesPage } from '#templates/pages/my-licenses';
import {
  confirmLicensePage,
  licenseHeldRefusalPage,
  licenseLinkProblemPage,
} from '#templates/pages/license-confirmation';
import {
  commentConfirmedPage,
  confirmCommentPage,
  linkProblemPage,
} from '#templates/pages/comment-verification';
import type { Lang } from '#templates/language';

const at = (lang: Lang) => ({ lang, switchHref: `/x?lang=${lang === 'zh' ? 'en' : 'zh'}` });

/** The page's text as a reader sees it: no tags, no attribute values, white space collapsed. */
const shown = (markup: string) =>
  markup
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([:：,.])/g, '$1');

const ITEM = {
  id: 'sheet',
  name: { zh: '地籍圖檔', en: 'Cadastral map file' },
  unit: { zh: '每檔', en: 'per file' },
  amountTwd: 200,
  documentedUnitCostTwd: 220,
  marginalUnitCostTwd: 20,
  exceptionReason: 'Manual checks.',
  costLines: [
    {
      category: 'MEDIA' as const,
      description: 'Reading the archive.',
      quantity: 1,
      unitCostTwd: 20,
      lineCostTwd: 20,
      incremental: true,
    },
  ],
};

const view = (overrides: Partial<ConsultationPageView> = {}): ConsultationPageView => ({
  proposal: {
    id: 'fp-1',
    title: { zh: '地籍圖收費基準', en: 'Cadastral map fee schedule' },
    agencyName: { zh: '內政部國土測繪中心', en: 'National Land Surveying and Mapping Center' },
    version: 2,
    legalBasis: 'Fees Act, art. 10',
    effectiveFrom: '2031-01-01',
    items: [ITEM],
    reductions: [{ purpose: 'ACADEMIC', percent: 50 }],
    status: 'IN_CONSULTATION',
    justification: {
      publicInterest: 'Serves the public.',
      privacyAndTradeSecrets: 'None.',
      costOfProduction: 'Staff time.',
      rightsHeld: 'The agency.',
    },
    paymentInstructions: {
      payee: { zh: '內政部國土測繪中心', en: 'National Land Surveying and Mapping Center' },
      methods: [{ method: 'BANK_TRANSFER', details: { zh: '臺灣銀行', en: 'Bank of Taiwan' } }],
    },
    datasets: [
      {
        id: 'nlsc-cadastral-maps',
        title: { zh: '數值地籍圖', en: 'Digital cadastral maps' },
        url: '/datasets/nlsc-cadastral-maps',
        feeSchedulesUrl: '/datasets/nlsc-cadastral-maps/fee-schedules',
      },
    ],
    consultation: {
      round: 1,
      opensAt: '2026-11-01T00:00:00.000Z',
      closesAt: '2026-12-31T00:00:00.000Z',
      extensions: [{ closesAt: '2026-12-31T00:00:00.000Z', reason: 'More time asked.' }],
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
      body: 'Too high.',
      author: {},
      tier: 'UNVERIFIED',
      organizationSelfDeclared: false,
      sameText: 2,
      disposition: {
        disposition: 'NOT_ADOPTED',
        reply: 'It is the cost.',
        answeredAt: '2026-11-03T00:00:00.000Z',
      },
    },
  ],
  links: {
    commentAction: '/fee-proposals/fp-1/comments',
    trail: '/consultations/fp-1/events',
    report: { page: '/consultations/fp-1/report', pdf: '/fee-proposals/fp-1/consultation-report?format=pdf' },
    follow: '/subscriptions/new?proposalId=fp-1',
  },
  notice: 'COMMENT_RECEIVED_CHECK_MAIL',
  ...overrides,
});

/** A refused comment: the e-mail field, with the schema's message in both languages. */
const REFUSED = {
  values: { body: 'Too high.', 'author.email': 'not-an-address' },
  problem: {
    code: 'VALIDATION_FAILED',
    message: 'invalid',
    fields: { 'author.email': 'Invalid email address' },
    messages: { 'author.email': { zh: '電子郵件格式不正確。', en: 'E-mail must be an e-mail address.' } },
  },
};

describe('the proposal page', () => {
  it('in English prints no Chinese label, and in Chinese no English one', () => {
    // Act
    const en = consultationPage(view(), at('en'));
    const zh = consultationPage(view(), at('zh'));
    // Assess
    expect(en).toContain('<html lang="en">');
    for (const text of [
      'Cadastral map fee schedule',
      'National Land Surveying and Mapping Center',
      'Digital cadastral maps',
      'version 2',
      'Why a fee',
      'Fee table',
      'Documented unit cost',
      'Cost lines',
      'Academic research: 50% off',
      'Payee: National Land Surveying and Mapping Center',
      'Bank transfer',
      'Consultation period (round 1)',
      '31 Dec 2026, 08:00 Taipei time',
      'Comments and the agency’s replies (1)',
      'Unverified',
      'same text ×2',
      'Not adopted',
      'Thank you: your comment is received.',
      'Comment on this proposal',
      'Send comment',
      '(optional)',
    ]) {
      expect(shown(en)).toContain(text);
    }
    // Nothing of the page's own is Chinese; the switch names Chinese in Chinese, as it must.
    expect(shown(en).replace('中文', '')).not.toMatch(/\p{Script=Han}/u);
    expect(zh).toContain('<html lang="zh-Hant-TW">');
    for (const text of [
      '地籍圖收費基準',
      '二、收費必要性',
      '收費項目一覽',
      '學術研究：減收 50%',
      '提出意見',
      '（選填）',
    ]) {
      expect(shown(zh)).toContain(text);
    }
    for (const text of [
      'Why a fee',
      'Fee table',
      'Cadastral map fee schedule',
      'Send comment',
      'optional',
      'Taipei time',
    ]) {
      expect(shown(zh)).not.toContain(text);
    }
  });

  it('says a withdrawn proposal was withdrawn, when (Taipei time) and why, in the reader’s language', () => {
    // Prepare
    const withdrawn = view({
      proposal: { ...view().proposal, status: 'WITHDRAWN' },
      open: false,
      withdrawal: { at: '2026-11-20T06:33:16.775Z', reason: 'Merged into next year’s schedule.' },
    });
    // Act
    const en = shown(consultationPage(withdrawn, at('en')));
    const zh = shown(consultationPage(withdrawn, at('zh')));
    const open = shown(consultationPage(view(), at('zh')));
    // Assess
    expect(en).toContain('Withdrawn');
    expect(en).toContain('The agency withdrew this proposal on 20 Nov 2026, 14:33 Taipei time.');
    expect(en).toContain('Reason given: Merged into next year’s schedule.');
    expect(zh).toContain('提案機關已於 2026年11月20日 14:33（臺北時間） 撤回本提案。');
    expect(zh).toMatch(/撤回理由：\s*Merged into next year’s schedule\./);
    expect(zh).not.toContain('The agency withdrew');
    expect(open).not.toContain('撤回本提案');
  });

  it('shows a refused comment’s message in the page’s language alone, on the page and on the light page', () => {
    // Act
    const pages = (['zh', 'en'] as const).map((lang) => ({
      lang,
      full: consultationPage(view({ form: REFUSED }), at(lang)),
      light: refusedCommentPage(
        {
          proposalTitle: view().proposal.title,
          consultationUrl: '/consultations/fp-1',
          form: {
            action: '/fee-proposals/fp-1/comments',
            items: [ITEM],
            labels: COMMENT_LABELS,
            limits: fieldLimitsOf(CommentInputSchema),
            form: REFUSED,
          },
        },
        at(lang),
      ),
    }));
    // Assess
    for (const { lang, full, light } of pages) {
      for (const markup of [full, light]) {
        const said = lang === 'zh' ? '電子郵件格式不正確。' : 'E-mail must be an e-mail address.';
        const other = lang === 'zh' ? 'E-mail must be an e-mail address.' : '電子郵件格式不正確。';
        expect(markup).toContain(`id="f-author-email-error">${said}`);
        expect(markup).not.toContain(other);
        expect(shown(markup)).toContain(
          lang === 'zh' ? '您的意見尚未送出' : 'Your comment has not been sent',
        );
      }
    }
    expect(shown(pages[1]!.light).replace('中文', '')).not.toMatch(/\p{Script=Han}/u);
  });
});

const DATASET = {
  id: 'cadastral',
  title: { zh: '數值地籍圖', en: 'Digital cadastral maps' },
  agencyName: { zh: '內政部國土測繪中心', en: 'National Land Surveying and Mapping Center' },
  version: '2026-Q3',
  classification: 'ON_APPLICATION' as const,
  feeSchedule: {
    proposalId: 'fp-1',
    title: { zh: '地籍圖收費基準', en: 'Cadastral map fee schedule' },
    effectiveFrom: '2026-07-01',
    url: '/consultations/fp-1',
    items: [
      { id: 'sheet', name: { zh: '地籍圖', en: 'Map sheet' }, unit: 'PER_FILE' as const, amountTwd: 20 },
    ],
    reductions: [],
  },
};

const QUOTED: LicenseQuotedPageView = {
  licenseId: 'lic-1',
  requestedAt: '2026-11-02T00:00:00.000Z',
  dataset: DATASET,
  quote: {
    lines: [
      {
        itemId: 'sheet',
        name: { zh: '地籍圖', en: 'Map sheet' },
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
      title: { zh: '地籍圖收費基準', en: 'Cadastral map fee schedule' },
      url: '/consultations/fp-1',
      legalBasis: 'Fees Act, art. 10',
      payment: {
        payee: { zh: '內政部國土測繪中心', en: 'National Land Surveying and Mapping Center' },
        methods: [{ method: 'BANK_TRANSFER', details: { zh: '臺灣銀行', en: 'Bank of Taiwan' } }],
      },
    },
  },
  myLicensesAction: '/my-licenses',
  reused: false,
};

describe('the license pages', () => {
  it('print the request form and its refusal in the reader’s language alone', () => {
    // Prepare
    const request = (lang: Lang) =>
      licenseRequestPage(
        {
          dataset: DATASET,
          action: '/licenses',
          fieldLabels: LICENSE_REQUEST_LABELS,
          fieldLimits: fieldLimitsOf(LicenseRequestSchema),
          form: {
            values: {},
            problem: {
              code: 'VALIDATION_FAILED',
              message: 'invalid',
              fields: { purpose: 'Required' },
              messages: { purpose: { zh: '利用目的：請選擇。', en: 'Purpose of use: choose one.' } },
            },
          },
        },
        at(lang),
      );
    // Act
    const en = request('en');
    const zh = request('zh');
    // Assess
    for (const text of [
      'Your request has not been sent',
      'Purpose of use: choose one.',
      'Commercial use',
      'Map sheet: NT$20 per file',
      'Send and get a quote',
    ]) {
      expect(shown(en)).toContain(text);
    }
    expect(shown(en).replace('中文', '')).not.toMatch(/\p{Script=Han}/u);
    expect(shown(zh)).toContain('利用目的：請選擇。');
    for (const text of ['Purpose of use: choose one.', 'Commercial use', 'Send and get a quote']) {
      expect(shown(zh)).not.toContain(text);
    }
  });

  it('print the quote and the certificate in the reader’s language, the attribution statement in both', () => {
    // Act
    const quoteEn = licenseQuotedPage(QUOTED, at('en'));
    const quoteZh = licenseQuotedPage(QUOTED, at('zh'));
    const issued = (lang: Lang) =>
      licenseIssuedPage(
        {
          number: 'OGDL-2026-000001',
          pdfUrl: '/certificates/OGDL-2026-000001.pdf',
          verifyUrl: '/certificates/OGDL-2026-000001/verify',
          issuedAt: '2026-11-02T00:00:00.000Z',
          licensee: { name: 'Mei Lin' },
          dataset: DATASET,
          attribution: { zh: '數值地籍圖（內政部國土測繪中心）', en: 'Digital cadastral maps (NLSC)' },
          kind: 'ON_APPLICATION',
          standing: { status: 'VALID', classification: 'ON_APPLICATION' },
          myLicensesAction: '/my-licenses',
          reused: false,
        },
        at(lang),
      );
    const issuedEn = issued('en');
    // Assess
    for (const text of [
      'Your request is received; here is the quote.',
      'Academic research: 50% off',
      'To pay',
      'Pay National Land Surveying and Mapping Center',
      'Bank transfer: Bank of Taiwan',
      'My licenses',
    ]) {
      expect(shown(quoteEn)).toContain(text);
    }
    expect(shown(quoteEn).replace('中文', '')).not.toMatch(/\p{Script=Han}/u);
    expect(shown(quoteZh)).toContain('學術研究減收 50%');
    expect(shown(quoteZh)).not.toMatch(/To pay|Academic research|My licenses/);
    expect(shown(issuedEn)).toContain('Your license certificate is issued.');
    expect(shown(issuedEn)).toContain('Digital cadastral maps (2026-Q3)');
    // The statement is there to copy in either language; everything around it is English.
    expect(issuedEn).toContain('數值地籍圖（內政部國土測繪中心）</textarea>');
    expect(issuedEn).toContain('Digital cadastral maps (NLSC)</textarea>');
    expect(shown(issuedEn).replace('中文', '').replace('數值地籍圖（內政部國土測繪中心）', '')).not.toMatch(
      /\p{Script=Han}/u,
    );
    expect(shown(issued('zh'))).not.toMatch(/Certificate No\.|Download the certificate/);
  });

  it('print "my licenses" in the reader’s language', () => {
    const list = {
      expiresAt: '2026-11-03T00:00:00.000Z',
      formPath: '/my-licenses/new',
      licenses: [
        {
          id: 'lic-1',
          url: '/licenses/lic-1',
          dataset: DATASET,
          requestedAt: '2026-11-02T00:00:00.000Z',
          standing: 'AWAITING_PAYMENT' as const,
        },
      ],
    };
    const en = [
      myLicensesFormPage({ action: '/my-licenses', sent: false }, at('en')),
      myLicensesFormPage({ action: '/my-licenses', sent: true }, at('en')),
      myLicensesPage(list, at('en')),
      myLicensesLinkProblemPage('EXPIRED', '/my-licenses/new', at('en')),
    ];
    for (const markup of en) expect(shown(markup).replace('中文', '')).not.toMatch(/\p{Script=Han}/u);
    expect(shown(en[2]!)).toContain('Awaiting payment');
    expect(shown(myLicensesPage(list, at('zh')))).not.toMatch(/Awaiting payment|Request No\./);
  });
});

describe('the pages of a mailed confirmation link', () => {
  const pagesIn = (lang: Lang) => ({
    licenseConfirm: confirmLicensePage(
      {
        datasetTitle: DATASET.title,
        agencyName: DATASET.agencyName,
        licensee: { name: 'Mei Lin', organization: 'Open Maps Lab' },
        purpose: 'ACADEMIC',
        expiresAt: '2026-11-03T00:00:00.000Z',
        actionPath: '/license-confirmations/s1',
      },
      at(lang),
    ),
    licenseExpired: licenseLinkProblemPage('EXPIRED', at(lang)),
    licenseUnknown: licenseLinkProblemPage('UNKNOWN', at(lang)),
    licenseHeld: licenseHeldRefusalPage('LICENSE_AWAITING_PAYMENT', at(lang)),
    commentConfirm: confirmCommentPage(
      {
        proposalTitle: { zh: '地籍圖收費基準', en: 'Cadastral map fee schedule' },
        body: 'Too high.',
        actionPath: '/comment-verifications/s2',
      },
      at(lang),
    ),
    commentConfirmed: commentConfirmedPage(false, at(lang)),
    commentAlready: commentConfirmedPage(true, at(lang)),
    commentExpired: linkProblemPage('EXPIRED', at(lang)),
    commentUnknown: linkProblemPage('UNKNOWN', at(lang)),
  });

  it('print English alone in English, with the switch to Chinese', () => {
    // Act
    const en = pagesIn('en');
    // Assess
    for (const [name, markup] of Object.entries(en)) {
      expect(markup, name).toContain('<html lang="en">');
      expect(markup, name).toMatch(/<a\s+class="switch"\s+href="\/x\?lang=zh"[^>]*>\s*中文\s*<\/a/);
      expect(shown(markup).replace('中文', ''), name).not.toMatch(/\p{Script=Han}/u);
    }
    for (const text of [
      'Confirm your license request',
      'Digital cadastral maps',
      'Provided by National Land Surveying and Mapping Center',
      'Purpose Academic research',
      'Your e-mail address is never shown.',
    ]) {
      expect(shown(en.licenseConfirm)).toContain(text);
    }
    expect(shown(en.licenseExpired)).toContain('This confirmation link has expired');
    expect(shown(en.licenseHeld)).toContain('one licensee holds one grant per dataset version');
    expect(shown(en.commentConfirm)).toContain('You commented on: Cadastral map fee schedule');
    expect(shown(en.commentConfirmed)).toContain('Thank you: your comment is marked');
    expect(shown(en.commentAlready)).toContain('This comment was confirmed before.');
    expect(shown(en.commentExpired)).toContain('the comment stays unverified');
  });

  it('print Traditional Chinese alone in Chinese', () => {
    // Act
    const zh = pagesIn('zh');
    // Assess
    for (const [name, markup] of Object.entries(zh)) {
      expect(markup, name).toContain('<html lang="zh-Hant-TW">');
      // Only the licensee's name and the comment (people wrote them) and the license's address are Latin.
      expect(
        shown(markup).replace(/Mei Lin|Open Maps Lab|Too high\.|English|data\.gov\.tw\/license/g, ''),
        name,
      ).not.toMatch(/[A-Za-z]{3,}/);
    }
    expect(shown(zh.licenseConfirm)).toContain('確認您的授權申請');
    expect(shown(zh.licenseConfirm)).toContain('提供機關 內政部國土測繪中心');
    expect(shown(zh.licenseHeld)).toContain('本次申請未予確認');
    expect(shown(zh.commentConfirm)).toContain('地籍圖收費基準');
    expect(shown(zh.commentConfirmed)).toContain('謝謝，您的意見已標示為已驗證電子郵件。');
  });

  it('post their button in the language the page was read in', () => {
    for (const lang of ['zh', 'en'] as const) {
      const pages = pagesIn(lang);
      expect(pages.licenseConfirm).toContain(`action="/license-confirmations/s1?lang=${lang}"`);
      expect(pages.commentConfirm).toContain(`action="/comment-verifications/s2?lang=${lang}"`);
    }
  });
});

describe('the helpers the workspace shares', () => {
  it('stay bilingual without a language', () => {
    expect(shown(feeTable([ITEM]).value)).toMatch(/收費項目一覽\s*Fee table/);
    const field = inputField({ name: 'email', label: { zh: '電子郵件', en: 'E-mail' } }, { values: {} });
    expect(shown(field.value)).toMatch(/電子郵件\s*E-mail/);
    expect(
      shown(
        inputField({ name: 'email', label: { zh: '電子郵件', en: 'E-mail' } }, { values: {} }, 'en').value,
      ),
    ).not.toContain('電子郵件');
  });
});
