/**
 * Everything that holds data or identity and must outlive a redeploy: the table, the PDF bucket, the
 * certificate signing key, the user pool, the mail identity and its configuration set. Retained on stack deletion; the
 * stateless stack receives them through `StatefulResources` (typed props, no lookups by name).
 */
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StringAttribute,
  UserPool,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault } from 'aws-cdk-lib/aws-backup';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import {
  CloudWatchDimensionSource,
  ConfigurationSet,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { AnyPrincipal, Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { tableDefinition } from '../table.ts';
import { SIGNER_TAG } from './constructs/service-function.ts';
import type { BlobBucket, MailSender } from './constructs/service-function.ts';
import type { DeploymentSettings } from './settings.ts';

/** The Cognito groups the handlers read from `cognito:groups`. */
/** SES's own tag naming the configuration set of a mail: the dimension of its sending-event metrics. */
export const MAIL_METRIC_DIMENSION = 'ses:configuration-set';

export const USER_GROUPS = ['agency', 'operator'] as const;

/** What the stateless stack needs from this one. */
export interface StatefulResources {
  table: ITable;
  blobs: BlobBucket;
  signingKey: IKey;
  userPool: IUserPool;
  userPoolClient: IUserPoolClient;
  /** Absent when no mail domain or address is configured. */
  mail?: MailSender;
}

export interface StatefulStackProps extends StackProps {
  settings: DeploymentSettings;
}

export class StatefulStack extends Stack {
  readonly resources: StatefulResources;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { settings } = props;

    const table = new Table(this, 'Table', {
      partitionKey: { name: tableDefinition.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDefinition.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of tableDefinition.indexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      });
    }

    // Server access logs of the PDF bucket: who fetched which report or certificate, kept for audits.
    const accessLogs = new Bucket(this, 'BlobAccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(400) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket receives the server access logs of the PDF bucket; logging it into itself would loop.',
    });

    const blobsName = `${settings.serviceName}-pdfs-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
    const blobs = new Bucket(this, 'Blobs', {
      bucketName: blobsName,
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      // Issued certificates and decision records are official records: the functions that write
      // them lock each version in governance mode (blob-store-s3.ts), which needs Object Lock here.
      objectLockEnabled: true,
      lifecycleRules: [
        {
          id: 'ExpireReplacedVersions',
          // A replaced PDF (a report re-rendered by a retried step) stays a year for audits; locked
          // versions are kept until their retention ends whatever this says.
          noncurrentVersionExpiration: Duration.days(365),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'blobs/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Daily backups of the table in their own vault, beside the 35 days of point-in-time recovery:
    // a table deleted or corrupted beyond that window can still be restored.
    const backupVault = new BackupVault(this, 'BackupVault', { removalPolicy: RemovalPolicy.RETAIN });
    const backupPlan = new BackupPlan(this, 'TableBackups', {
      backupVault,
      backupPlanRules: [
        new BackupPlanRule({
          ruleName: 'Daily',
          // 02:00 in Taipei, when the service is quietest.
          scheduleExpression: Schedule.cron({ hour: '18', minute: '0' }),
          deleteAfter: Duration.days(settings.backupRetentionDays),
        }),
      ],
    });
    const backupSelection = backupPlan.addSelection('Table', {
      resources: [BackupResource.fromDynamoDbTable(table)],
    });
    Validations.of(backupSelection).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason:
        "AWS Backup's own service-role policy, which AWS keeps current with what backing up a DynamoDB table needs; " +
        'the role is assumable by AWS Backup alone.',
    });

    // Certificate signatures: ES256 JWS, verified by anyone with the public key from /.well-known/jwks.json.
    const signingKey = new Key(this, 'CertificateSigningKey', {
      description: 'Signs OGDL license certificates (ES256); the private half never leaves KMS.',
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Only the roles of the functions that issue certificates carry the tag: anyone else, an
    // administrator included, may read the public key but not sign.
    signingKey.addToResourcePolicy(
      new PolicyStatement({
        sid: 'SignOnlyAsAnIssuingFunction',
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ['kms:Sign'],
        resources: ['*'],
        conditions: { StringNotEquals: { [`aws:PrincipalTag/${SIGNER_TAG.key}`]: SIGNER_TAG.value } },
      }),
    );

    const userPool = new UserPool(this, 'Users', {
      userPoolName: `${settings.serviceName}-users`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      customAttributes: {
        // Which agency a user acts for; operators change it when staff move, hence mutable.
        agency_id: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: settings.mfa === 'required' ? Mfa.REQUIRED : Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'Essentials tier: the pool holds a few dozen agency and operator staff, created by operators (no self sign-up), ' +
        'with MFA and a 14-character password policy; Plus-tier threat protection is billed per active user and ' +
        'adds little for accounts that cannot be self-registered.',
    });
    if (settings.mfa === 'optional') {
      Validations.of(userPool).acknowledge({
        id: 'AwsSolutions-COG2',
        reason:
          'MFA made optional by the deployment context (mfa=optional), e.g. for a test account; production keeps the default "required".',
      });
    }
    for (const group of USER_GROUPS) {
      new UserPoolGroup(this, `Group-${group}`, {
        userPool,
        groupName: group,
        description:
          group === 'agency'
            ? 'Staff of a data-holding agency (custom:agency_id says which)'
            : 'Service operators',
      });
    }
    const userPoolClient = userPool.addClient('ApiClient', {
      userPoolClientName: `${settings.serviceName}-api`,
      authFlows: { userSrp: true, userPassword: true },
      disableOAuth: true,
      generateSecret: false,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      enableTokenRevocation: true,
      // Users must not move themselves to another agency: custom:agency_id is readable, never writable
      // by the user (operators set it with AdminUpdateUserAttributes).
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('agency_id'),
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    let mail: MailSender | undefined;
    if (settings.mail) {
      const { domain, from } = settings.mail;
      const identityName = domain ?? (from as string);
      // Every mail goes through this configuration set: an address that bounced or complained is put
      // on the account's suppression list, and SES sends nothing more to it; the sending events are
      // CloudWatch metrics (Send, Delivery, Bounce, Complaint, Reject) for the dashboard.
      const configurationSet = new ConfigurationSet(this, 'MailConfiguration', {
        suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
        reputationMetrics: true,
      });
      configurationSet.addEventDestination('ToCloudWatch', {
        destination: EventDestination.cloudWatchDimensions([
          {
            name: MAIL_METRIC_DIMENSION,
            source: CloudWatchDimensionSource.MESSAGE_TAG,
            defaultValue: 'none',
          },
        ]),
        events: [
          EmailSendingEvent.SEND,
          EmailSendingEvent.DELIVERY,
          EmailSendingEvent.BOUNCE,
          EmailSendingEvent.COMPLAINT,
          EmailSendingEvent.REJECT,
        ],
      });
      const identity = new EmailIdentity(this, 'MailIdentity', {
        identity: domain ? Identity.domain(domain) : Identity.email(identityName),
        configurationSet,
      });
      mail = {
        from: from ?? `no-reply@${domain}`,
        identityArn: identity.emailIdentityArn,
        configurationSetName: configurationSet.configurationSetName,
        configurationSetArn: this.formatArn({
          service: 'ses',
          resource: 'configuration-set',
          resourceName: configurationSet.configurationSetName,
        }),
      };
      if (domain) {
        identity.dkimRecords.forEach((record, i) => {
          new CfnOutput(this, `DkimRecord${i + 1}`, {
            description: `DNS CNAME ${i + 1} of 3 that verifies ${domain} for SES (DKIM)`,
            value: `${record.name} CNAME ${record.value}`,
          });
        });
      }
    }

    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: userPoolClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: table.tableName });

    this.resources = {
      table,
      blobs: { bucketName: blobsName, bucketArn: `arn:${Aws.PARTITION}:s3:::${blobsName}` },
      signingKey,
      userPool,
      userPoolClient,
      mail,
    };
    new CfnOutput(this, 'BlobBucketName', { value: blobs.bucketName });
  }
}
