// Points every AWS SDK DynamoDB client of a test file at the shared dynalite, with its own table.
import { inject } from 'vitest';
import { randomUUID } from 'node:crypto';

process.env.AWS_ENDPOINT_URL_DYNAMODB = inject('dynamoEndpoint');
process.env.AWS_REGION = 'local';
process.env.AWS_ACCESS_KEY_ID = 'local';
process.env.AWS_SECRET_ACCESS_KEY = 'local';
process.env.TABLE_NAME = `test-${randomUUID()}`;

// These tiers send hundreds of public writes and mails from 127.0.0.1 on purpose; the rate
// limits' own tests (test/reliability/rate-limits.test.ts) put the documented defaults back.
process.env.RATE_LIMIT_PUBLIC_WRITES ??= '1000000/600';
process.env.RATE_LIMIT_MAILS_PER_RECIPIENT ??= '1000000/86400';
