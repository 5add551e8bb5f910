// Creates the table named by TABLE_NAME on the test dynalite (each test file has its own).
import { ensureTable } from '#local/dynalite-server';

export async function createTestTable(): Promise<string> {
  const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB;
  const tableName = process.env.TABLE_NAME;
  if (!endpoint || !tableName) throw new Error('integration setup did not set the DynamoDB endpoint');
  await ensureTable(endpoint, tableName);
  return tableName;
}
