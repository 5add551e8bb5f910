import { Template } from 'aws-cdk-lib/assertions';
import { SES_RATE_ALARMS } from '../../infra/aws/constructs/operations.ts';
import type { Service } from '../../infra/aws/service.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { asArray, referencedId, resources, statementsOfRole, synthesizeService } from './support.ts';

const MAIL_DOMAIN = 'mail.example.gov.tw';
let stateful: Template;
let stateless: Template;
let service: Service;

beforeAll(() => {
  ({ stateful, stateless, service } = synthesizeService({ mailDomain: MAIL_DOMAIN }));
});

describe('with a mail domain in the context', () => {
  it('verifies the domain with SES and prints its DKIM records', () => {
    stateful.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: MAIL_DOMAIN });
    const outputs = Object.keys(stateful.findOutputs('*')).filter((name) => name.startsWith('DkimRecord'));
    expect(outputs).toHaveLength(3);
  });

  it('sends through a configuration set that suppresses bounced and complaining addresses and counts every event', () => {
    const [[setId, set]] = resources(stateful, 'AWS::SES::ConfigurationSet') as [[string, any]];
    expect(set.Properties).toMatchObject({
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
      ReputationOptions: { ReputationMetricsEnabled: true },
    });
    expect(set.Properties.Name).toBeUndefined(); // generated: nothing retained under a fixed name
    stateful.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: setId },
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['send', 'delivery', 'bounce', 'complaint', 'reject'],
        CloudWatchDestination: {
          DimensionConfigurations: [
            {
              DimensionName: 'ses:configuration-set',
              DimensionValueSource: 'messageTag',
              DefaultDimensionValue: 'none',
            },
          ],
        },
      },
    });
    stateful.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: MAIL_DOMAIN,
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: setId } },
    });
  });

  it('alerts the operator below the bounce and complaint rates at which SES reviews the account', () => {
    const alarms = resources(Template.fromStack(service.stateless.operations), 'AWS::CloudWatch::Alarm')
      .map(([, a]) => a.Properties)
      .filter((a) => a.Namespace === 'AWS/SES');
    expect(alarms.map((a) => [a.MetricName, a.Threshold]).sort()).toEqual([
      ['Reputation.BounceRate', SES_RATE_ALARMS.bounceRate],
      ['Reputation.ComplaintRate', SES_RATE_ALARMS.complaintRate],
    ]);
    expect(SES_RATE_ALARMS.bounceRate).toBeLessThan(0.05);
    expect(SES_RATE_ALARMS.complaintRate).toBeLessThan(0.001);
  });

  it('lets exactly the functions that send mail use that identity, from no-reply@ the domain', () => {
    const functions = resources(stateless, 'AWS::Lambda::Function');
    const senders = functions.filter(([, fn]) => fn.Properties.Environment.Variables.MAIL_FROM !== undefined);
    expect(senders.length).toBeGreaterThan(0);
    for (const [id, fn] of functions) {
      const ses = statementsOfRole(stateless, referencedId(fn.Properties.Role)!).filter((s) =>
        asArray<string>(s.Action).some((a) => a.startsWith('ses:')),
      );
      if (fn.Properties.Environment.Variables.MAIL_FROM === undefined) {
        expect(ses, id).toEqual([]);
        continue;
      }
      expect(fn.Properties.Environment.Variables.MAIL_FROM).toBe(`no-reply@${MAIL_DOMAIN}`);
      expect(JSON.stringify(fn.Properties.Environment.Variables.SES_CONFIGURATION_SET)).toMatch(
        /"Fn::ImportValue":"[^"]+ExportsOutputRefMailConfiguration/,
      );
      expect(ses).toHaveLength(1);
      expect(asArray(ses[0]!.Action).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
      // identity/<the identity's name> and configuration-set/<its name>, imported from the stateful stack
      const [identity, configurationSet] = asArray(ses[0]!.Resource).map((r) => JSON.stringify(r));
      expect(identity).toMatch(/":identity\/",\{"Fn::ImportValue":"[^"]+ExportsOutputRefMailIdentity/);
      expect(configurationSet).toMatch(
        /":configuration-set\/",\{"Fn::ImportValue":"[^"]+ExportsOutputRefMailConfiguration/,
      );
    }
  });
});
