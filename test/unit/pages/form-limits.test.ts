// Every form's `maxlength` is the one the schema that validates its post gives (fieldLimitsOf): each
// form is rendered as its route renders it, and each text input and textarea is read back from the
// markup and compared with the schema's limit of the field it fills (a list's row by `*`).
import { describe, expect, it } from 'vitest';
import { AccountSchema } from '#domain/account';
import { AdvisoryGroupSchema, DEFAULT_DECISION_RULE } from '#domain/advisory-group';
import { AgencySchema } from '#domain/agency';
import { DATASET_LABELS, DatasetSchema } from '#domain/dataset';
import {
  LICENSE_REQUEST_LABELS,
  PAYMENT_LABELS,
  PaymentInputSchema,
  revocationReasons,
  REVOKE_LABELS,
  RevokeInputSchema,
} from '#domain/license';
import { fieldLimitsOf, type FieldLimits } from '#domain/field-limits';
import type * as z from '#domain/zod';
import { consoleFormLimits } from '#usecases/operator-console-view';
import { groupEditPage } from '#templates/pages/advisory-group-edit';
import { agencyEditPage } from '#templates/pages/agency-edit';
import { datasetFormSection } from '#templates/pages/datasets-desk';
import { paymentPageBody, revokePageBody } from '#templates/pages/licensing-desk';
import { html } from '#templates/escape';
import { CONSOLE_ACTIONS, operatorConsolePage } from '#templates/pages/operator-console';

const frame = { displayName: '維運', role: 'operator' as const, csrfToken: 't' };
const agency = { id: 'moda', name: { zh: '數位發展部', en: 'Ministry of Digital Affairs' } };

/** The form posted to `action`, cut out of a page. */
function formOf(page: string, action: string): string {
  const start = page.indexOf(`action="${action}"`);
  expect(start, `a form posts to ${action}`).toBeGreaterThan(-1);
  return page.slice(start, page.indexOf('</form>', start));
}

/** Each text field of a form (inputs that take text, and textareas): its name and its maxlength. */
function textFields(form: string): { name: string; maxlength: number | undefined }[] {
  return [...form.matchAll(/<(input|textarea)\b([^>]*)>/g)]
    .map(([, , attrs]) => attrs!)
    .filter((attrs) => !/type="(hidden|checkbox|radio)"/.test(attrs))
    .map((attrs) => {
      const max = /maxlength="(\d+)"/.exec(attrs)?.[1];
      return {
        name: /name="([^"]+)"/.exec(attrs)![1]!,
        maxlength: max === undefined ? undefined : Number(max),
      };
    });
}

/** The schema's limit for a form field: its own path, or its list's rows (`members.3.id` → `members.*.id`). */
const schemaMax = (limits: FieldLimits, name: string) =>
  (limits[name] ?? limits[name.replace(/\.\d+(?=\.|$)/g, '.*')])?.maxlength;

function expectSchemaLimits(form: string, schema: z.ZodMiniType) {
  const limits = fieldLimitsOf(schema);
  const fields = textFields(form);
  expect(fields.length).toBeGreaterThan(0);
  for (const field of fields) expect(field.maxlength, field.name).toBe(schemaMax(limits, field.name));
  // The test reads real limits: a form with none at all would pass the comparison without saying anything.
  expect(fields.some((f) => f.maxlength !== undefined)).toBe(true);
}

describe('the operator console’s forms', () => {
  const page = operatorConsolePage({
    frame,
    view: {
      agencies: [agency],
      tree: [{ agency, children: [] }],
      groups: [],
      accounts: [],
      stoppedReviews: [],
      decisionRuleDefaults: DEFAULT_DECISION_RULE,
      formLimits: consoleFormLimits(),
    },
  });

  it('register an agency with the limits of AgencySchema', () => {
    expectSchemaLimits(formOf(page, CONSOLE_ACTIONS.agency), AgencySchema);
  });

  it('register a group (its member rows too) with the limits of AdvisoryGroupSchema', () => {
    const form = formOf(page, CONSOLE_ACTIONS.group);
    expectSchemaLimits(form, AdvisoryGroupSchema);
    expect(textFields(form).find((f) => f.name === 'members.8.name')?.maxlength).toBe(100);
  });

  it('record an account with the limits of AccountSchema', () => {
    expectSchemaLimits(formOf(page, CONSOLE_ACTIONS.account), AccountSchema);
  });
});

describe('the operator’s edit pages', () => {
  it('an agency’s, with the limits of AgencySchema', () => {
    const page = agencyEditPage({
      frame,
      agency,
      parentName: undefined,
      action: '/operator/agencies/moda',
      state: { values: { revision: '1' } },
      limits: fieldLimitsOf(AgencySchema),
    });
    expectSchemaLimits(formOf(page, '/operator/agencies/moda'), AgencySchema);
  });

  it('a group’s, with the limits of AdvisoryGroupSchema', () => {
    const page = groupEditPage({
      frame,
      group: { id: 'g', agencyId: 'moda', name: agency.name },
      agencyName: agency.name,
      action: '/operator/advisory-groups/g',
      rows: 2,
      maxRows: 50,
      state: { values: { revision: '1' } },
      ruleDefaults: DEFAULT_DECISION_RULE,
      limits: fieldLimitsOf(AdvisoryGroupSchema),
    });
    expectSchemaLimits(formOf(page, '/operator/advisory-groups/g'), AdvisoryGroupSchema);
  });
});

describe('the agency’s desks', () => {
  it('the dataset form, with the limits of DatasetSchema', () => {
    const form = datasetFormSection({
      csrf: html``,
      action: '/agency/datasets/new',
      form: { values: {} },
      labels: DATASET_LABELS,
      limits: fieldLimitsOf(DatasetSchema),
    }).toString();
    expectSchemaLimits(formOf(form, '/agency/datasets/new'), DatasetSchema);
  });

  it('the payment confirmation, with the limits of PaymentInputSchema (written in the template)', () => {
    const page = paymentPageBody(
      {
        id: 'lic-1',
        requestedAt: '2026-11-30T02:00:00Z',
        licensee: { name: '林小華', email: 'a@example.tw' },
        dataset: { title: agency.name, version: '1' },
        quote: {
          lines: [],
          subtotalTwd: 0,
          reductionPercent: 0,
          reductionTwd: 0,
          totalTwd: 0,
          rounding: 'REDUCTION_ON_SUBTOTAL_ROUNDED_HALF_UP',
          purpose: 'COMMERCIAL',
        },
        action: '/agency/licensing/lic-1/payment',
        labels: { request: LICENSE_REQUEST_LABELS, payment: PAYMENT_LABELS },
      },
      html``,
      '2026-12-01',
    ).toString();
    expectSchemaLimits(formOf(page, '/agency/licensing/lic-1/payment'), PaymentInputSchema);
  });

  it('the revocation, with the limits of RevokeInputSchema', () => {
    const action = '/agency/licensing/certificates/OGDL-2026-000001/revoke';
    const page = revokePageBody({
      csrf: html``,
      labels: REVOKE_LABELS,
      limits: fieldLimitsOf(RevokeInputSchema),
      certificate: {
        number: 'OGDL-2026-000001',
        issuedAt: '2026-11-20T02:00:00Z',
        licensee: { name: '林小華' },
        dataset: { title: agency.name, version: '1' },
        status: 'VALID',
        verifyUrl: '/certificates/OGDL-2026-000001/verify',
        classification: 'OPEN',
      },
      reasons: revocationReasons('OPEN'),
      action,
      cancel: '/agency/licensing',
    }).toString();
    expectSchemaLimits(formOf(page, action), RevokeInputSchema);
  });
});
