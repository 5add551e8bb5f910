import { describe, expect, it } from 'vitest';
import aslValidator from 'asl-validator';
import { readDefinition, placeholders, substitute } from '../../../workflows/load.ts';
import { checkDefinition, unsupportedFeatures } from '#local/workflows/definition-guard';
import { reviewTaskFunctions } from '#tasks/task-functions';

const text = readDefinition('fee-proposal-review');
const filled = substitute(
  text,
  Object.fromEntries(
    placeholders(text).map((p) => [p, `arn:aws:lambda:ap-northeast-1:123456789012:function:${p}`]),
  ),
);

describe('the fee-proposal review definition', () => {
  it('passes asl-validator as AWS would take it', () => {
    const { isValid, errorsText } = aslValidator(JSON.parse(filled));
    expect(isValid, errorsText('\n')).toBe(true);
  });

  it('names exactly the task functions the project provides', () => {
    expect(placeholders(text).sort()).toEqual(Object.keys(reviewTaskFunctions).sort());
  });

  it('gives every callback wait an explicit timeout and every task a retry that names its errors', () => {
    const states = JSON.parse(filled).States as Record<string, any>;
    for (const [name, state] of Object.entries(states)) {
      if (state.Type !== 'Task') continue;
      if (String(state.Resource).endsWith('.waitForTaskToken'))
        expect(state.TimeoutSeconds, name).toBeGreaterThan(0);
      expect(state.Retry?.[0]?.ErrorEquals?.length, name).toBeGreaterThan(0);
    }
  });

  it('retries every transient error in every task (throttles, Lambda faults, timeouts), with backoff in minutes', () => {
    const transient = [
      'ServiceUnavailableError',
      'Lambda.ServiceException',
      'Lambda.AWSLambdaException',
      'Lambda.SdkClientException',
      'Lambda.TooManyRequestsException',
      'Lambda.ClientExecutionTimeoutException',
      'Lambda.Unknown',
      'Sandbox.Timedout',
    ];
    const states = JSON.parse(filled).States as Record<string, any>;
    for (const [name, state] of Object.entries(states)) {
      if (state.Type !== 'Task') continue;
      for (const error of transient) {
        // Step Functions takes the first retrier that names the error (or States.ALL).
        const retrier = (state.Retry ?? []).find(
          (r: { ErrorEquals: string[] }) =>
            r.ErrorEquals.includes(error) || r.ErrorEquals.includes('States.ALL'),
        );
        expect(retrier, `${name} retries ${error}`).toBeDefined();
        expect(retrier.IntervalSeconds, `${name}: ${error}`).toBeGreaterThanOrEqual(60);
        expect(retrier.MaxAttempts, `${name}: ${error}`).toBeGreaterThanOrEqual(5);
        expect(retrier.BackoffRate, `${name}: ${error}`).toBeGreaterThan(1);
      }
    }
  });

  it('is accepted by the local runner, which refuses the same definition with JSONata', () => {
    expect(() => checkDefinition(filled)).not.toThrow();
    const jsonata = { ...JSON.parse(filled), QueryLanguage: 'JSONata' };
    expect(() => checkDefinition(jsonata)).toThrow();
    expect(unsupportedFeatures(jsonata).join('\n')).toMatch(/JSONata/);
  });
});
