// The agency desks' bodies present what the domain computed, escape every value, show a refusal by
// its fields in both languages, and offer only what the domain allows.
import { describe, expect, it } from 'vitest';
import { agencyAgenda } from '#domain/agency-agenda';
import { DATASET_LABELS, DatasetSchema } from '#domain/dataset';
import { fieldLimitsOf } from '#domain/field-limits';
import {
  LICENSE_REQUEST_LABELS,
  PAYMENT_LABELS,
  revocationReasons,
  REVOKE_LABELS,
  RevokeInputSchema,
} from '#domain/license';
import { html } from '#templates/escape';
import { dashboardBody } from '#templates/pages/agency-dashboard';
import { datasetFormSection, datasetsDeskBody } from '#templates/pages/datasets-desk';
import {
  DATASET_FORM_FIELDS,
  datasetFormBody,
  datasetFormValues,
} from '#templates/pages/dataset-form-fields';
import { formToBody } from '#http/forms';
import { licensingDeskBody, paymentPageBody, revokePageBody } from '#templates/pages/licensing-desk';

const HOSTILE = `<script>alert("x")</script>'&`;
const label = (text: string) => ({ zh: text, en: text });
const now = new Date('2026-12-01T00:00:00Z');
const licensing = { request: LICENSE_REQUEST_LABELS, payment: PAYMENT_LABELS };
const csrf = html`<input type="hidden" name="csrfToken" value="t" />`;

const quote = {
  lines: [
    {
      itemId: 'sheet',
      name: label('圖幅'),
      unit: 'PER_FILE' as const,
      quantity: 2,
      unitAmountTwd: 200,
      amountTwd: 400,
    },
  ],
  subtotalTwd: 400,
  reductionPercent: 0,
  reductionTwd: 0,
  totalTwd: 400,
  rounding: 'REDUCTION_ON_SUBTOTAL_ROUNDED_HALF_UP' as const,
  purpose: 'COMMERCIAL' as const,
};
const request = {
  id: 'lic-1',
  requestedAt: '2026-11-30T02:00:00Z',
  licensee: { name: HOSTILE, email: 'a@example.tw' },
  dataset: { title: label('地籍圖'), version: '1' },
  quote,
  action: '/agency/licensing/lic-1/payment',
};

describe('the dashboard', () => {
  it('lists what waits, with counts and the members’ reasons, escaped', () => {
    const agenda = agencyAgenda(
      {
        proposals: [
          { id: 'a', title: label(HOSTILE), status: 'AWAITING_RESPONSES', unanswered: 3 },
          {
            id: 'b',
            title: label('修正案'),
            status: 'CHANGES_REQUESTED',
            unanswered: 0,
            decision: {
              outcome: 'CHANGES_REQUESTED',
              positions: [{ name: '王委員', decision: 'REQUEST_CHANGES', reason: '請說明。' }],
            },
          },
        ],
        schedules: [],
        awaitingPayment: [],
        certificates: [],
        feeLawSteps: true,
      },
      now,
    );
    const body = dashboardBody({
      agenda,
      proposals: [
        { id: 'a', title: label(HOSTILE), status: 'AWAITING_RESPONSES', href: '/agency/proposals/a' },
      ],
      links: {
        proposal: (id) => `/agency/proposals/${id}`,
        consultation: (id) => `/agency/consultations/${id}`,
        license: (id) => `/licenses/${id}`,
        certificate: (n) => `/certificates/${n}/verify`,
      },
    }).toString();
    expect(body).not.toContain('<script>');
    expect(body).toContain('3 則待回覆');
    expect(body).toContain('王委員</strong>：請說明。');
    expect(body).toContain('徵詢截止，機關回應中');
  });

  it('says so when nothing waits', () => {
    const agenda = agencyAgenda(
      { proposals: [], schedules: [], awaitingPayment: [], certificates: [], feeLawSteps: true },
      now,
    );
    const body = dashboardBody({
      agenda,
      proposals: [],
      links: { proposal: String, consultation: String, license: String, certificate: String },
    }).toString();
    expect(body).toContain('Nothing waits for you now.');
  });
});

describe('the licenses desk', () => {
  it('lists each request with its licensee, amount and payment page, escaped', () => {
    const body = licensingDeskBody({
      labels: licensing,
      awaiting: [request],
      certificates: [],
    }).toString();
    expect(body).not.toContain('<script>');
    expect(body).toContain('href="/agency/licensing/lic-1/payment"');
    expect(body).toContain('NT$400');
  });

  it('keeps a revoked certificate on the list, marked with its status, date and reason, and no revoke link', () => {
    const certificate = {
      issuedAt: '2026-11-01T02:00:00Z',
      licensee: { name: '張美玲' },
      dataset: { title: label('地籍圖'), version: '1' },
    };
    const body = licensingDeskBody({
      labels: licensing,
      awaiting: [],
      certificates: [
        {
          ...certificate,
          number: 'APL-2026-000002',
          status: 'VALID',
          verifyUrl: '/certificates/APL-2026-000002/verify',
          revokeUrl: '/agency/licensing/certificates/APL-2026-000002/revoke',
        },
        {
          ...certificate,
          number: 'APL-2026-000001',
          status: 'WITHDRAWN_DATASET',
          verifyUrl: '/certificates/APL-2026-000001/verify',
          revocation: { at: '2026-11-20T02:00:00Z', reason: 'DATASET_WITHDRAWN' },
        },
      ],
    }).toString();
    const revoked = /<tr\s+id="certificate-APL-2026-000001"([^>]*)>(.*?)<\/tr>/s.exec(body) ?? [];
    expect(revoked[1]).toContain('class="revoked"');
    expect(revoked[2]).toContain('資料集已停止提供');
    expect(revoked[2]).toContain('the dataset was withdrawn');
    expect(revoked[2]).toContain('datetime="2026-11-20T02:00:00Z"');
    expect(revoked[2]).not.toContain('/revoke');
    expect(body).toContain('href="/agency/licensing/certificates/APL-2026-000002/revoke"');
  });

  it('shows a refused payment by its field in both languages, with the quote and the CSRF field', () => {
    const body = paymentPageBody(
      {
        ...request,
        labels: licensing,
        form: {
          values: { amountTwd: '300', reference: 'R-1' },
          problem: {
            code: 'PAYMENT_AMOUNT_MISMATCH',
            message: 'x',
            fields: { amountTwd: 'Must equal the quoted total, 400.' },
            messages: { amountTwd: { zh: '須與報價相同。', en: 'Must equal the quote.' } },
          },
        },
      },
      csrf,
      '2026-12-01',
    ).toString();
    expect(body).toContain('name="csrfToken"');
    expect(body).toContain('class="error-summary"');
    expect(body).toContain('href="#f-amountTwd"');
    expect(body).toMatch(
      /id="f-amountTwd-error">\s*須與報價相同。 <span lang="en">Must equal the quote.<\/span>/,
    );
    expect(body).toContain('value="300"');
  });

  it("names a marked certificate's status in the status words (revoked is no revocation reason)", () => {
    const marked = (status: 'REVOKED' | 'WITHDRAWN_DATASET', number: string) => ({
      number,
      issuedAt: '2026-11-01T00:00:00Z',
      licensee: { name: '林小華' },
      dataset: { title: label('村里界'), version: '1' },
      status,
      verifyUrl: `/certificates/${number}/verify`,
    });
    const body = licensingDeskBody({
      labels: licensing,
      awaiting: [],
      certificates: [marked('REVOKED', 'APL-2026-000001'), marked('WITHDRAWN_DATASET', 'APL-2026-000002')],
    }).toString();
    expect(body).toContain('已撤銷 <span class="en" lang="en">Revoked</span>');
    expect(body).toContain('資料集已停止提供 <span class="en" lang="en">Dataset withdrawn</span>');
    expect(body).not.toMatch(/>\s*(REVOKED|WITHDRAWN_DATASET)\s*</);
  });

  it('offers only the reasons the domain allows, and says what becomes public', () => {
    const certificate = {
      number: 'OGDL-2026-000001',
      issuedAt: '2026-11-01T00:00:00Z',
      licensee: { name: '林小華' },
      dataset: { title: label('村里界'), version: '1' },
      status: 'VALID' as const,
      verifyUrl: '/certificates/OGDL-2026-000001/verify',
      classification: 'OPEN' as const,
    };
    const body = revokePageBody({
      labels: REVOKE_LABELS,
      limits: fieldLimitsOf(RevokeInputSchema),
      csrf,
      certificate,
      reasons: revocationReasons('OPEN'),
      action: '/agency/licensing/certificates/OGDL-2026-000001/revoke',
      cancel: '/agency/licensing',
    }).toString();
    expect(body).not.toContain('value="CONDITIONS_BREACHED"');
    expect(body).toContain('value="ISSUED_IN_ERROR"');
    expect(body).toContain('What becomes public');
    expect(body).toContain('only the record is marked');
  });
});

describe('the datasets desk', () => {
  it('lists the datasets with their class and an edit link', () => {
    const body = datasetsDeskBody({
      labels: DATASET_LABELS,
      datasets: [
        {
          id: 'd-1',
          title: label(HOSTILE),
          version: '2',
          classification: 'ON_APPLICATION',
          editUrl: '/agency/datasets/d-1/edit',
          publicUrl: '/datasets/d-1',
        },
      ],
      newUrl: '/agency/datasets/new',
    }).toString();
    expect(body).not.toContain('<script>');
    expect(body).toContain('申請提供');
    expect(body).toContain('href="/agency/datasets/d-1/edit"');
  });

  it('shows the form with its fixed id when editing', () => {
    const body = datasetFormSection({
      labels: DATASET_LABELS,
      csrf,
      action: '/agency/datasets/d-1/edit',
      editing: 'd-1',
      form: { values: {} },
      limits: fieldLimitsOf(DatasetSchema),
    }).toString();
    expect(body).toContain('<code>d-1</code>');
    expect(body).not.toContain('name="id"');
    expect(body).toContain('name="conditionsOfUse.url"');
  });

  it('writes a stored dataset into the form so that the form reads back into the same dataset', () => {
    const stored = {
      id: 'd-1',
      agencyId: 'moi-nlsc',
      title: { zh: '地籍圖', en: 'Cadastral maps' },
      version: '2026',
      classification: 'ON_APPLICATION',
      releaseYear: 2025,
      conditionsOfUse: {
        title: { zh: '利用規範', en: 'Conditions' },
        version: '1',
        url: 'https://www.nlsc.gov.tw/c',
        sublicensing: true,
      },
      distributionSha256: 'ab'.repeat(32),
    };
    const values = datasetFormValues({ ...stored, feeSchedules: [{ proposalId: 'fp-1' }] });
    expect(values).toMatchObject({ releaseYear: '2025', 'conditionsOfUse.sublicensing': 'true' });
    expect(values).not.toHaveProperty('feeSchedules');
    expect(datasetFormBody(formToBody(values, DATASET_FORM_FIELDS), 'moi-nlsc')).toEqual(stored);
  });

  it('reads a posted form into the body: numbers, yes/no, and empty groups left out', () => {
    expect(
      datasetFormBody(
        {
          id: 'd-1',
          title: { zh: '資料', en: 'Data' },
          classification: 'OPEN',
          releaseYear: '2026',
          description: {},
          conditionsOfUse: { title: {} },
        },
        'moi-nlsc',
      ),
    ).toEqual({
      id: 'd-1',
      agencyId: 'moi-nlsc',
      title: { zh: '資料', en: 'Data' },
      classification: 'OPEN',
      releaseYear: 2026,
    });
    expect(
      datasetFormBody({ conditionsOfUse: { sublicensing: 'true', version: '1' } }, 'moi-nlsc')
        .conditionsOfUse,
    ).toEqual({ sublicensing: true, version: '1' });
  });
});
