import { describe, expect, it } from 'vitest';
import { analyseEntry } from '../../infra/aws/constructs/entry-analysis.ts';
import { PROJECT_ROOT } from '../../infra/aws/constructs/service-function.ts';
import { readSettings } from '../../infra/aws/settings.ts';
import { entryOfDescription, newApp, resources, synthesizeService } from './support.ts';

/** FEE_LAW_STEPS of each function, by entry (undefined: not set). */
function feeLawStepsByEntry(context: Record<string, unknown>): Map<string, string | undefined> {
  const { stateless } = synthesizeService(context);
  return new Map(
    resources(stateless, 'AWS::Lambda::Function').map(([, fn]) => [
      entryOfDescription(String(fn.Properties.Description)),
      fn.Properties.Environment.Variables.FEE_LAW_STEPS as string | undefined,
    ]),
  );
}

/** Functions that must know whether the steps are required (the decision, the steps, the pages, the deadlines). */
const READERS = [
  'functions/tasks/apply-decision.ts',
  'functions/http/record-fee-law-step.ts',
  'functions/http/consultation-page.ts',
  'functions/tasks/fire-deadline.ts',
  'functions/tasks/sweep-deadlines.ts',
];

describe.each([
  ['the default context (cdk.json)', {}, 'on'],
  ['-c feeLawSteps=off', { feeLawSteps: 'off' }, 'off'],
])('FEE_LAW_STEPS with %s', (_name, context, expected) => {
  const byEntry = feeLawStepsByEntry(context);

  it(`is "${expected}" in every function whose code reads it, and absent from the others`, () => {
    for (const entry of READERS) expect(byEntry.get(entry), entry).toBe(expected);
    for (const [entry, value] of byEntry) {
      const reads = analyseEntry(PROJECT_ROOT, entry).settings.has('FEE_LAW_STEPS');
      expect(value, entry).toBe(reads ? expected : undefined);
    }
  });
});

describe('the feeLawSteps context', () => {
  it('defaults to on without cdk.json and refuses anything but on or off', () => {
    expect(readSettings(newApp({ feeLawSteps: '' }).node).feeLawSteps).toBe('on');
    expect(() => readSettings(newApp({ feeLawSteps: 'no' }).node)).toThrow(
      /feeLawSteps must be "on" or "off"/,
    );
  });
});
