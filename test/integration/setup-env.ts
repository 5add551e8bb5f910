// Points every AWS SDK DynamoDB client of a test file at the shared dynalite, with its own table.
import { inject } from 'vitest';
import { randomUUID } from 'node:crypto';

process.env.AWS_ENDPOINT_URL_DYNAMODB = inject('dynamoEndpoint');
process.env.AWS_REGION = 'local';
process.env.AWS_ACCESS_KEY_ID = 'local';
process.env.AWS_SECRET_ACCESS_KEY = 'local';
process.env.TABLE_NAME = `test-${randomUUID()}`;
