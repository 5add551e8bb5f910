/**
 * Deployment settings, read once from CDK context (cdk.json, or `-c name=value` on the command line).
 * Every value has a default that synthesizes without credentials; cdk.json documents them.
 */
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';

export interface MailSettings {
  /** Verify this whole domain with SES (DKIM records are printed as stack outputs). */
  domain?: string;
  /** The sender address; defaults to `no-reply@<domain>`. Alone (without a domain) it is verified as one address. */
  from?: string;
}

export interface DeploymentSettings {
  /** Prefix of stack names and of the few physical names that must be known in advance. */
  serviceName: string;
  /** SES sender; undefined when neither `mailDomain` nor `mailFrom` is set (no identity, no mail grants). */
  mail?: MailSettings;
  /** Base URL of links in mails and responses; defaults to the HTTP API's own URL. */
  publicBaseUrl?: string;
  logRetention: RetentionDays;
  /** Default route throttling of the HTTP API (requests per second, burst). */
  throttle: { rateLimit: number; burstLimit: number };
  /** `mfa: "required"` (default) or `"optional"` for the Cognito user pool. */
  mfa: 'required' | 'optional';
  /** Subscribed by e-mail to the operator alert topic; without it the topic has no subscriber. */
  alertEmail?: string;
  /** How long AWS Backup keeps each daily backup of the table. */
  backupRetentionDays: number;
  /**
   * `feeLawSteps`: "on" (default), an approved schedule waits for the steps of 規費法 §10; "off", it takes
   * effect on its date. Reaches every function that reads it as FEE_LAW_STEPS.
   */
  feeLawSteps: 'on' | 'off';
  /** Prefix of the workspace's Cognito managed login domain (default: the service name). */
  signInDomainPrefix: string;
  /** An agency's SAML identity provider federated into the workspace sign-in. */
  signInSaml?: { name: string; metadataUrl: string };
}

/** A context value that is missing or wrong: the person deploying has something to set. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

const RETENTIONS = new Map<number, RetentionDays>(
  Object.values(RetentionDays)
    .filter((value): value is RetentionDays => typeof value === 'number')
    .map((days) => [days, days]),
);

function text(node: Node, name: string): string | undefined {
  const value: unknown = node.tryGetContext(name);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string')
    throw new SettingsError(`Context ${name} must be a string, got ${JSON.stringify(value)}.`);
  return value.trim();
}

function integer(node: Node, name: string, fallback: number): number {
  const raw: unknown = node.tryGetContext(name);
  if (raw === undefined || raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new SettingsError(`Context ${name} must be a positive integer, got ${JSON.stringify(raw)}.`);
  return value;
}

export function readSettings(node: Node): DeploymentSettings {
  const mailDomain = text(node, 'mailDomain');
  const mailFrom = text(node, 'mailFrom');
  if (mailDomain && !/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(mailDomain))
    throw new SettingsError(`Context mailDomain '${mailDomain}' is not a domain name.`);
  if (mailFrom && !/@/.test(mailFrom))
    throw new SettingsError(`Context mailFrom '${mailFrom}' is not an e-mail address.`);

  const retentionDays = integer(node, 'logRetentionDays', 90);
  const logRetention = RETENTIONS.get(retentionDays);
  if (logRetention === undefined) {
    throw new SettingsError(
      `Context logRetentionDays ${retentionDays} is not a CloudWatch retention (e.g. 30, 90, 365).`,
    );
  }

  const mfa = text(node, 'mfa') ?? 'required';
  if (mfa !== 'required' && mfa !== 'optional')
    throw new SettingsError(`Context mfa must be "required" or "optional".`);

  const publicBaseUrl = text(node, 'publicBaseUrl');
  if (publicBaseUrl && !/^https:\/\//.test(publicBaseUrl))
    throw new SettingsError('Context publicBaseUrl must start with https://');

  const serviceName = text(node, 'serviceName') ?? 'ogdl-fee-review';
  // It prefixes the PDF bucket's name (`<serviceName>-pdfs-<account>-<region>`, at most 63 characters).
  if (!/^[a-z][a-z0-9-]{1,27}$/.test(serviceName)) {
    throw new SettingsError(
      `Context serviceName '${serviceName}' must be 2–28 lowercase letters, digits or hyphens.`,
    );
  }

  // A service whose every mail fails is a mistake unless someone says it is meant (a trial stack).
  const mailSwitch = text(node, 'mail');
  if (mailSwitch !== undefined && mailSwitch !== 'disabled')
    throw new SettingsError(`Context mail must be "disabled" or empty, got '${mailSwitch}'.`);
  if (!mailDomain && !mailFrom && mailSwitch !== 'disabled')
    throw new SettingsError(
      'No mail sender: set -c mailDomain=<domain verified with SES> (or -c mailFrom=<address>), ' +
        'or -c mail=disabled to deploy on purpose a service whose mails all fail.',
    );
  if ((mailDomain || mailFrom) && mailSwitch === 'disabled')
    throw new SettingsError('Context mail=disabled contradicts mailDomain/mailFrom: set one or the other.');

  const alertEmail = text(node, 'alertEmail');
  if (alertEmail && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(alertEmail))
    throw new SettingsError(`Context alertEmail '${alertEmail}' is not an e-mail address.`);

  const feeLawSteps = text(node, 'feeLawSteps') ?? 'on';
  if (feeLawSteps !== 'on' && feeLawSteps !== 'off')
    throw new SettingsError(`Context feeLawSteps must be "on" or "off", got ${JSON.stringify(feeLawSteps)}.`);

  const signInDomainPrefix = text(node, 'signInDomainPrefix') ?? serviceName;
  if (
    !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(signInDomainPrefix) ||
    /aws|amazon|cognito/.test(signInDomainPrefix)
  )
    throw new SettingsError(
      `Context signInDomainPrefix '${signInDomainPrefix}' must be lowercase letters, digits and hyphens, without aws, amazon or cognito.`,
    );
  const samlMetadataUrl = text(node, 'signInSamlMetadataUrl');
  const samlName = text(node, 'signInSamlName') ?? 'AgencySaml';
  if (samlMetadataUrl && !/^https:\/\//.test(samlMetadataUrl))
    throw new SettingsError('Context signInSamlMetadataUrl must start with https://');
  if (!/^[\w.-]{3,32}$/.test(samlName))
    throw new SettingsError(`Context signInSamlName '${samlName}' must be 3–32 letters, digits, _ . or -.`);

  return {
    serviceName,
    feeLawSteps,
    signInDomainPrefix,
    signInSaml: samlMetadataUrl ? { name: samlName, metadataUrl: samlMetadataUrl } : undefined,
    alertEmail,
    mail: mailDomain || mailFrom ? { domain: mailDomain, from: mailFrom } : undefined,
    publicBaseUrl: publicBaseUrl?.replace(/\/$/, ''),
    logRetention,
    throttle: {
      rateLimit: integer(node, 'apiRateLimit', 50),
      burstLimit: integer(node, 'apiBurstLimit', 100),
    },
    mfa,
    backupRetentionDays: integer(node, 'backupRetentionDays', 365),
  };
}
