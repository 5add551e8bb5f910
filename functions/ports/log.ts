/**
 * Structured JSON logs through AWS Lambda Powertools Logger: one object a line with the level,
 * message, timestamp and service, the Lambda context (function, request id, cold start) once a
 * handler adds it, and the correlation keys the caller appends (request id for HTTP requests;
 * proposal, version and round for workflow tasks and deadlines). CloudWatch and the local console
 * read the same lines.
 *
 * The logger is built on first use, not at import, so that a level set by the process before it
 * logs anything (LOG_LEVEL=silent in tests) is the level it uses. POWERTOOLS_LOG_LEVEL or
 * LOG_LEVEL set the level; POWERTOOLS_LOGGER_SAMPLE_RATE logs a share of invocations at debug.
 * Secrets (tokens, ballot secrets) are never passed in.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';

/**
 * The `service` of every log line, metric and trace: POWERTOOLS_SERVICE_NAME, which CDK sets to the
 * deployment's service name, or the project's name locally.
 */
export const serviceName = () => process.env.POWERTOOLS_SERVICE_NAME ?? 'ogdl-fee-review';

let logger: Logger | undefined;

const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT'] as const;

/** POWERTOOLS_LOG_LEVEL or LOG_LEVEL in any case (Powertools itself reads them in capitals only). */
function configuredLevel(): (typeof LEVELS)[number] {
  const configured = (process.env.POWERTOOLS_LOG_LEVEL || process.env.LOG_LEVEL || 'INFO').toUpperCase();
  return LEVELS.find((level) => level === configured) ?? 'INFO';
}

/** The one Powertools logger of this process. */
export function powertoolsLogger(): Logger {
  return (logger ??= new Logger({
    serviceName: serviceName(),
    logLevel: configuredLevel(),
  }));
}

type Fields = Record<string, unknown>;

export const log = {
  debug: (msg: string, fields: Fields = {}) => powertoolsLogger().debug(msg, fields),
  info: (msg: string, fields: Fields = {}) => powertoolsLogger().info(msg, fields),
  warn: (msg: string, fields: Fields = {}) => powertoolsLogger().warn(msg, fields),
  error: (msg: string, fields: Fields = {}) => powertoolsLogger().error(msg, fields),
};

/**
 * Starts one invocation's logging: the Lambda context (when the runtime gives one) and the
 * invocation's correlation keys replace the previous invocation's.
 */
export function startInvocationLog(context: Context | undefined, keys: Fields): void {
  const logger = powertoolsLogger();
  logger.resetKeys();
  if (context?.functionName) logger.addContext(context);
  logger.appendKeys(keys);
  logger.refreshSampleRateCalculation();
}
