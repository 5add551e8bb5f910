import { Match } from 'aws-cdk-lib/assertions';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '../../infra/table.ts';
import { resources, synthesizeService } from './support.ts';

let stateful: Template;
let stateless: Template;

beforeAll(() => {
  ({ stateful, stateless } = synthesizeService());
});

describe('the table', () => {
  it('is built from infra/table.ts: keys, every index, TTL attribute', () => {
    // Act
    const [[, table]] = resources(stateful, 'AWS::DynamoDB::Table') as [[string, any]];

    // Assess
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ]);
    expect(table.Properties.GlobalSecondaryIndexes.map((i: any) => [i.IndexName, i.KeySchema])).toEqual(
      tableDefinition.indexes.map((i) => [
        i.name,
        [
          { AttributeName: i.partitionKey, KeyType: 'HASH' },
          { AttributeName: i.sortKey, KeyType: 'RANGE' },
        ],
      ]),
    );
    expect(table.Properties.TimeToLiveSpecification).toEqual({
      AttributeName: tableDefinition.timeToLiveAttribute,
      Enabled: true,
    });
  });

  it('is on demand, with point-in-time recovery, deletion protection and encryption at rest', () => {
    stateful.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      SSESpecification: { SSEEnabled: true },
    });
  });

  it('is retained when the stack is deleted', () => {
    stateful.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});

describe('the PDF bucket', () => {
  const pdfBucket = {
    BucketName: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
    VersioningConfiguration: { Status: 'Enabled' },
  };

  it('is encrypted, versioned, closed to the public and owned by the bucket owner', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      ...pdfBucket,
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'blobs/' },
    });
  });

  it('has Object Lock on, and lets replaced versions expire after a year and unfinished uploads after a week', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      ...pdfBucket,
      ObjectLockEnabled: true,
      LifecycleConfiguration: {
        Rules: [
          Match.objectLike({
            Status: 'Enabled',
            NoncurrentVersionExpiration: { NoncurrentDays: 365 },
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
          }),
        ],
      },
    });
  });

  it('refuses every request that is not over TLS', () => {
    const [bucketId] = Object.keys(stateful.findResources('AWS::S3::Bucket', { Properties: pdfBucket }));
    stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });
});

describe('the certificate signing key', () => {
  it('is an asymmetric P-256 key for signing and verifying, retained', () => {
    stateful.hasResource('AWS::KMS::Key', {
      Properties: { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' },
      DeletionPolicy: 'Retain',
    });
  });
});

describe('the user pool', () => {
  it('admits no self sign-up, requires MFA (TOTP) and a strong password', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 14,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      DeletionProtection: 'ACTIVE',
    });
  });

  it('carries a mutable custom agency_id attribute', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'agency_id', AttributeDataType: 'String', Mutable: true }),
      ]),
    });
  });

  it('has exactly the groups the handlers know: agency and operator', () => {
    const groups = resources(stateful, 'AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties.GroupName);
    expect(groups.sort()).toEqual(['agency', 'operator']);
  });

  it('has an app client whose users can read but never write their own agency_id', () => {
    const [[, client]] = resources(stateful, 'AWS::Cognito::UserPoolClient') as [[string, any]];
    expect(client.Properties.GenerateSecret).toBe(false);
    expect(client.Properties.ReadAttributes).toContain('custom:agency_id');
    expect(client.Properties.WriteAttributes).not.toContain('custom:agency_id');
  });
});

describe('backups of the table', () => {
  it('are taken daily by AWS Backup into a retained vault and kept for backupRetentionDays (365 by default)', () => {
    const [tableId] = Object.keys(stateful.findResources('AWS::DynamoDB::Table'));
    const vaults = Object.entries(stateful.findResources('AWS::Backup::BackupVault'));
    expect(vaults).toHaveLength(1);
    const [vaultId, vault] = vaults[0]!;
    expect(vault.DeletionPolicy).toBe('Retain');
    stateful.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: {
        BackupPlanRule: [
          Match.objectLike({
            ScheduleExpression: 'cron(0 18 * * ? *)',
            Lifecycle: { DeleteAfterDays: 365 },
            TargetBackupVault: { 'Fn::GetAtt': [vaultId, 'BackupVaultName'] },
          }),
        ],
      },
    });
    const selection = JSON.stringify(stateful.findResources('AWS::Backup::BackupSelection'));
    expect(selection).toContain(tableId);
  });

  it('keeps them as long as the context says', () => {
    const { stateful: other } = synthesizeService({ backupRetentionDays: 730 });
    other.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: { BackupPlanRule: [Match.objectLike({ Lifecycle: { DeleteAfterDays: 730 } })] },
    });
  });
});

describe('mail', () => {
  it('is required: synth refuses a stack without a sender unless mail=disabled says so on purpose', () => {
    expect(() => synthesizeService({ mail: '' })).toThrow(
      /No mail sender: set -c mailDomain=.*-c mail=disabled/,
    );
    expect(() => synthesizeService({ mail: 'off' })).toThrow(/Context mail must be "disabled" or empty/);
    expect(() => synthesizeService({ mail: 'disabled', mailFrom: 'no-reply@example.gov.tw' })).toThrow(
      /contradicts/,
    );
  });

  it('creates no SES identity and grants no SES action when no mail domain or address is configured', () => {
    stateful.resourceCountIs('AWS::SES::EmailIdentity', 0);
    expect(JSON.stringify(stateless.findResources('AWS::IAM::Policy'))).not.toContain('ses:');
  });
});
