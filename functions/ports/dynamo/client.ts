/**
 * The DynamoDB document client, one per process. Its endpoint comes from the standard
 * AWS_ENDPOINT_URL_DYNAMODB variable, so the local runtime points it at dynalite without
 * the code knowing.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { requireEnv } from '../config.ts';
import { traced } from '../tracing.ts';

let documentClient: DynamoDBDocumentClient | undefined;

export function dynamoDocumentClient(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(traced(new DynamoDBClient({ maxAttempts: 4 })), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return documentClient;
}

/** Replaces the client (tests that inject faults with aws-sdk-client-mock, or a new endpoint). */
export function setDynamoDocumentClient(client: DynamoDBDocumentClient | undefined): void {
  documentClient = client;
}

export function tableName(): string {
  return requireEnv('TABLE_NAME');
}
