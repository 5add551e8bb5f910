import type { App } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildService } from '../../infra/aws/service.ts';
import type { Service } from '../../infra/aws/service.ts';
import { acknowledgements, newApp } from './support.ts';
import type { RecordedAcknowledgement } from './support.ts';

// The clean synth (no finding left unacknowledged) is exercised by every other infra test file, whose
// beforeAll would throw with cdk-nag's report. This file shows that a finding does stop the synth.
let app: App;
let service: Service;
let synthError: unknown;
let acks: RecordedAcknowledgement[];

beforeAll(() => {
  app = newApp();
  service = buildService(app);
  new Bucket(service.stateless, 'UnloggedPlaintextBucket'); // no access logs, no TLS-only policy
  try {
    app.synth();
  } catch (error) {
    synthError = error;
  }
  acks = acknowledgements(app);
});

describe('cdk-nag AWS Solutions checks', () => {
  it('stop the synth on a new finding that nobody acknowledged', () => {
    expect(synthError).toBeInstanceOf(Error);
    const report = String((synthError as Error).message);
    expect(report).toContain('AwsSolutions-S1');
    expect(report).toContain('AwsSolutions-S10');
    expect(report).toContain('UnloggedPlaintextBucket');
  });

  it('report nothing about the service itself', () => {
    const report = String((synthError as Error).message);
    const paths = [...report.matchAll(/ogdl-fee-review-[a-z]+\/[^\s]+/g)].map((m) => m[0]);
    expect(paths.filter((p) => !p.includes('UnloggedPlaintextBucket'))).toEqual([]);
  });
});

describe('every acknowledgement', () => {
  it('names one AwsSolutions rule (or one finding of it) and gives a reason in a sentence', () => {
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      // A bare rule id (as cdk-nag reads it) is recorded by CDK under the Annotation:: namespace.
      expect(ack.id, ack.path).toMatch(/^Annotation::AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      expect(ack.reason.length, `${ack.path} ${ack.id}`).toBeGreaterThanOrEqual(60);
    }
  });

  it('is made on a resource, never on a whole stack or the app', () => {
    const stackPaths = new Set([service.stateful.node.path, service.stateless.node.path, '']);
    for (const ack of acks)
      expect(stackPaths.has(ack.path), `${ack.id} on ${ack.path || 'the app'}`).toBe(false);
  });

  it('accepts a wildcard resource only by its exact name, never IAM5 as a whole', () => {
    for (const ack of acks.filter((a) => a.id.includes('IAM5'))) {
      expect(ack.id).toMatch(/IAM5\[Resource::[^\]]+\]$/);
    }
  });
});
