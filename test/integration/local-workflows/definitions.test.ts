// The definition loader and the guard that refuses what the local runner would run differently from AWS.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { LocalClock } from '#local/local-clock';
import { placeholders, readDefinition, substitute } from '../../../workflows/load.ts';
import {
  checkDefinition,
  InvalidDefinitionError,
  UnsupportedDefinitionError,
} from '#local/workflows/definition-guard';
import { LocalWorkflowEngine } from '#local/workflows/engine';
import { fixture } from './harness.ts';

function refusal(definition: string | object): UnsupportedDefinitionError {
  try {
    checkDefinition(definition);
  } catch (error) {
    if (error instanceof UnsupportedDefinitionError) return error;
    throw error;
  }
  throw new Error('The guard accepted the definition.');
}

const task = (resource: string, extra: object = {}) => ({
  StartAt: 'Do it',
  States: {
    'Do it': {
      Type: 'Task',
      Resource: resource,
      Parameters: { FunctionName: 'f', Payload: { 'taskToken.$': '$$.Task.Token' } },
      End: true,
      ...extra,
    },
  },
});

describe('placeholders and substitute', () => {
  it('list each ${Name} once and fill them in', () => {
    const text = '{"a": "${One}", "b": "${Two}", "c": "${One}"}';
    expect(placeholders(text)).toEqual(['One', 'Two']);
    expect(JSON.parse(substitute(text, { One: '1', Two: '2' }))).toEqual({ a: '1', b: '2', c: '1' });
  });

  it('name every placeholder without a value, and unused values when asked', () => {
    expect(() => substitute('"${One}${Two}${Three}"', { Two: '2' })).toThrow(/\$\{One\}, \$\{Three\}/);
    expect(() => substitute('"${One}"', { One: '1', Spare: 'x' }, { rejectUnused: true })).toThrow(
      /not used: Spare/,
    );
    expect(substitute('"${One}"', { One: '1', Spare: 'x' })).toBe('"1"');
  });

  it('read the service workflows, every one of which the local runner accepts', () => {
    const names = readdirSync(new URL('../../../workflows/', import.meta.url))
      .filter((file) => file.endsWith('.asl.json'))
      .map((file) => file.replace(/\.asl\.json$/, ''));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const text = readDefinition(name);
      const values = Object.fromEntries(
        placeholders(text).map((key) => [key, `arn:aws:lambda:local:000000000000:function:${key}`]),
      );
      expect(() => checkDefinition(substitute(text, values)), name).not.toThrow();
    }
  });
});

describe('the definition guard', () => {
  it('refuses JSONata and Assign, listing both problems with their states', () => {
    const error = refusal(fixture('jsonata-and-assign'));
    expect(error.problems).toEqual([
      expect.stringMatching(/^state "Compute with JSONata": QueryLanguage "JSONata"/),
      expect.stringMatching(/^state "Compute with JSONata": Output/),
      expect.stringMatching(/^state "Remember a variable": Assign/),
    ]);
    expect(error.message).toContain('Remember a variable');
  });

  it('refuses a JSONata machine and an Assign on its own', () => {
    expect(refusal(fixture('jsonata')).problems).toEqual([
      expect.stringMatching(/^top level: QueryLanguage "JSONata"/),
    ]);
    expect(refusal(fixture('assign')).problems).toEqual([
      expect.stringMatching(/^state "Remember a variable": Assign/),
    ]);
  });

  it('refuses other integrations, .sync, heartbeats, distributed Map and overlong Waits, saying why', () => {
    expect(refusal(task('arn:aws:states:::dynamodb:putItem')).problems[0]).toMatch(
      /only "arn:aws:states:::lambda:invoke"/,
    );
    expect(refusal(task('arn:aws:states:::states:startExecution.sync')).problems[0]).toMatch(
      /\.sync integration/,
    );
    expect(
      refusal(task('arn:aws:states:::lambda:invoke.waitForTaskToken', { HeartbeatSeconds: 60 })).problems[0],
    ).toMatch(/HeartbeatSeconds/);
    const distributed = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'b' } },
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'Item',
            States: { Item: { Type: 'Pass', End: true } },
          },
          End: true,
        },
      },
    };
    expect(refusal(distributed).problems).toEqual([
      expect.stringMatching(/DISTRIBUTED/),
      expect.stringMatching(/ItemReader/),
    ]);
    const longWait = {
      StartAt: 'Sleep',
      States: { Sleep: { Type: 'Wait', Seconds: 30 * 24 * 3600, End: true } },
    };
    expect(refusal(longWait).problems[0]).toMatch(/more than a Node timer holds.*fire at once/);
  });

  it('finds problems inside Parallel branches too, naming the path', () => {
    const nested = {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'Inner', States: { Inner: { Type: 'Pass', Assign: { x: 1 }, End: true } } }],
          End: true,
        },
      },
    };
    expect(refusal(nested).problems).toEqual([expect.stringMatching(/^state "Both › Inner": Assign/)]);
  });

  it('reports an invalid definition with the validator’s text', () => {
    expect(() => checkDefinition('{"StartAt": "Missing", "States": {}}')).toThrow(InvalidDefinitionError);
    expect(() => checkDefinition('not json')).toThrow(InvalidDefinitionError);
  });

  it('runs before the engine registers a state machine', () => {
    const engine = new LocalWorkflowEngine({ clock: new LocalClock() });
    try {
      expect(() =>
        engine.registerStateMachine({
          name: 'bad',
          definition: fixture('jsonata-and-assign'),
          functions: {},
        }),
      ).toThrow(UnsupportedDefinitionError);
      expect(() =>
        engine.registerStateMachine({
          name: 'unbound',
          definition: fixture('two-tasks'),
          functions: {},
          substitutions: { Label: 'x' },
        }),
      ).toThrow(/no value for placeholder\(s\) \$\{DoubleFunctionArn\}, \$\{DescribeFunctionArn\}/);
    } finally {
      engine.close();
    }
  });
});
