// A handler that only loads the AWS SDK clients most handlers use (DynamoDB and its document client):
// the share of a handler's import time that the SDK (external, provided by the Lambda runtime) costs.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async () => ({ statusCode: 200, body: String(Boolean(client)) });
