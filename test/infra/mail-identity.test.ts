import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { asArray, referencedId, resources, statementsOfRole, synthesizeService } from './support.ts';

const MAIL_DOMAIN = 'mail.example.gov.tw';
let stateful: Template;
let stateless: Template;

beforeAll(() => {
  ({ stateful, stateless } = synthesizeService({ mailDomain: MAIL_DOMAIN }));
});

describe('with a mail domain in the context', () => {
  it('verifies the domain with SES and prints its DKIM records', () => {
    stateful.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: MAIL_DOMAIN });
    const outputs = Object.keys(stateful.findOutputs('*')).filter((name) => name.startsWith('DkimRecord'));
    expect(outputs).toHaveLength(3);
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
      expect(ses).toHaveLength(1);
      expect(asArray(ses[0]!.Action).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
      // identity/<the identity's name>, imported from the stateful stack
      expect(JSON.stringify(ses[0]!.Resource)).toMatch(
        /":identity\/",\{"Fn::ImportValue":"[^"]+ExportsOutputRefMailIdentity/,
      );
    }
  });
});
