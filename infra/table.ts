/**
 * The single DynamoDB table, described once. The CDK stateful stack and the local runtime both
 * build their table from this, so keys and indexes cannot drift between AWS and `npm start`.
 *
 * Access patterns (every one a GetItem or a Query; no Scan anywhere):
 * - gsi1: "list by kind and state", e.g. proposals by status ordered by closing date,
 *   datasets by agency, licenses by dataset, agencies by parent.
 * - gsi2: "by owner", e.g. proposals by agency and status, licenses by licensee e-mail.
 */
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
  /** Attribute holding an epoch-seconds expiry (DynamoDB TTL on AWS; dynalite ignores it). */
  timeToLiveAttribute: 'expiresAtEpoch',
} as const;

export type IndexName = (typeof tableDefinition.indexes)[number]['name'];

/** The CreateTable request the local runtime and integration tests use. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const keyNames = [
    tableDefinition.partitionKey,
    tableDefinition.sortKey,
    ...tableDefinition.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyNames.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: tableDefinition.indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}
