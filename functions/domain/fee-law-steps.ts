/**
 * The steps of 規費法 §10 after a favourable advisory vote. The advisory group only recommends;
 * the agency then records, in this order, the fee authority's consent (規費主管機關同意), the
 * filing with the representative body (民意機關備查) and the announcement (公告). The schedule takes
 * effect on its effective date, which must be on or after the announcement.
 */
import * as z from './zod.ts';
import { HttpsUrlSchema, IsoDateSchema, IsoDateTimeSchema, textField } from './common.ts';
import { RuleViolationError } from './errors.ts';
import { labelFields } from './field-errors.ts';

/**
 * The order the law sets. Written before the schema, not read from its `.options`: a property read
 * at module scope is one the bundler must keep, and with it every schema of this module.
 */
export const FEE_LAW_STEPS = ['FEE_AUTHORITY_CONSENT', 'COUNCIL_FILING', 'ANNOUNCEMENT'] as const;
export const FeeLawStepKindSchema = /* @__PURE__ */ z.enum(FEE_LAW_STEPS);
export type FeeLawStepKind = z.infer<typeof FeeLawStepKindSchema>;

/** The step form's and body's field labels (field-errors.ts). */
export type FeeLawStepLabels = typeof FEE_LAW_STEP_INPUT_LABELS;
export const FEE_LAW_STEP_INPUT_LABELS = {
  step: { zh: '程序', en: 'Step' },
  date: { zh: '日期', en: 'Date' },
  reference: { zh: '文號', en: 'Reference' },
  url: { zh: '公告網址', en: 'Address of the notice' },
  effectiveFrom: { zh: '新生效日', en: 'New effective date' },
};

export const FeeLawStepInputSchema = /* @__PURE__ */ labelFields(
  /* @__PURE__ */ z.object({
    step: FeeLawStepKindSchema,
    /** The date of the consent, the filing or the announcement (YYYY-MM-DD, Taiwan). */
    date: IsoDateSchema,
    /** The document number (文號) of the consent or filing, or the announcement's reference. */
    reference: /* @__PURE__ */ textField(200),
    /** The announcement's URL (gazette or notice); optional for the other steps. */
    url: /* @__PURE__ */ z.optional(HttpsUrlSchema),
    /**
     * ANNOUNCEMENT only: a new effective date, when the review ran past the one proposed. It must
     * be on or after the announcement.
     */
    effectiveFrom: /* @__PURE__ */ z.optional(IsoDateSchema),
  }),
  FEE_LAW_STEP_INPUT_LABELS,
);
export type FeeLawStepInput = z.infer<typeof FeeLawStepInputSchema>;

export const FeeLawStepRecordSchema = /* @__PURE__ */ z.object({
  step: FeeLawStepKindSchema,
  date: IsoDateSchema,
  reference: /* @__PURE__ */ textField(200),
  url: /* @__PURE__ */ z.optional(HttpsUrlSchema),
  recordedAt: IsoDateTimeSchema,
});
export type FeeLawStepRecord = z.infer<typeof FeeLawStepRecordSchema>;

/** A step of the law as documents list it: recorded (with what the agency entered) or still to come. */
export interface FeeLawChecklistEntry {
  step: FeeLawStepKind;
  recorded?: { date: string; reference: string; url?: string };
}

/** Every step in the order the law sets, with what has been recorded for it so far. */
export function feeLawChecklist(done: readonly FeeLawStepRecord[]): FeeLawChecklistEntry[] {
  return FEE_LAW_STEPS.map((step) => {
    const record = done.find((s) => s.step === step);
    if (!record) return { step };
    const { date, reference, url } = record;
    return { step, recorded: { date, reference, ...(url ? { url } : {}) } };
  });
}

function refuse(rule: string, path: string, message: string, zh: string): never {
  throw new RuleViolationError(rule, message, [{ path, rule, message, messages: { zh, en: message } }]);
}

/**
 * Checks the next step against the ones recorded (order, dates) and returns the effective date
 * the schedule will have. `decidedOn` is the Taiwan date of the vote's result, `today` Taiwan's today.
 */
export function checkFeeLawStep(input: {
  done: readonly FeeLawStepRecord[];
  step: FeeLawStepInput;
  decidedOn: string;
  today: string;
  effectiveFrom: string;
}): { effectiveFrom: string } {
  const { done, step, decidedOn, today } = input;
  const expected = FEE_LAW_STEPS[done.length];
  if (step.step !== expected) {
    refuse(
      'FEE_LAW_STEP_OUT_OF_ORDER',
      'step',
      expected === undefined
        ? 'Every step of 規費法 §10 is recorded already.'
        : `The steps of 規費法 §10 come in the order ${FEE_LAW_STEPS.join(' → ')}; ${expected} is next, not ${step.step}.`,
      expected === undefined ? '規費法第十條之程序均已記錄。' : '規費法第十條之程序須依序記錄。',
    );
  }
  const previous = done.at(-1);
  if (step.date < decidedOn)
    refuse(
      'FEE_LAW_STEP_BEFORE_DECISION',
      'date',
      `${step.step} cannot come before the advisory result of ${decidedOn}.`,
      `日期不得早於諮詢小組決議之日（${decidedOn}）。`,
    );
  if (previous && step.date < previous.date)
    refuse(
      'FEE_LAW_STEP_DATE_OUT_OF_ORDER',
      'date',
      `${step.step} cannot be dated before ${previous.step} (${previous.date}).`,
      `日期不得早於前一程序之日（${previous.date}）。`,
    );
  if (step.date > today)
    refuse(
      'FEE_LAW_STEP_IN_FUTURE',
      'date',
      `${step.date} has not come yet (today is ${today}).`,
      `${step.date} 尚未到來（今日為 ${today}）。`,
    );
  if (step.step !== 'ANNOUNCEMENT') {
    if (step.effectiveFrom !== undefined)
      refuse(
        'EFFECTIVE_DATE_SET_AT_ANNOUNCEMENT',
        'effectiveFrom',
        'A new effective date is set with the announcement.',
        '新生效日於公告時設定。',
      );
    return { effectiveFrom: input.effectiveFrom };
  }
  if (step.url === undefined)
    refuse(
      'ANNOUNCEMENT_URL_REQUIRED',
      'url',
      'Give the URL of the gazette or notice that announced the schedule.',
      '請填公告收費基準之公報或公告網址。',
    );
  const effectiveFrom = step.effectiveFrom ?? input.effectiveFrom;
  if (effectiveFrom < step.date)
    refuse(
      'EFFECTIVE_BEFORE_ANNOUNCEMENT',
      'effectiveFrom',
      `The schedule cannot take effect on ${effectiveFrom}, before its announcement on ${step.date}; set a new effective date.`,
      `生效日 ${effectiveFrom} 早於公告日 ${step.date}，請另定新生效日。`,
    );
  if (effectiveFrom < today)
    refuse(
      'EFFECTIVE_DATE_IN_PAST',
      'effectiveFrom',
      `The effective date ${effectiveFrom} has passed; the review ran past it, so set a new one (on or after ${step.date} and ${today}).`,
      `生效日 ${effectiveFrom} 已過，請另定新生效日（不早於公告日及今日）。`,
    );
  return { effectiveFrom };
}
