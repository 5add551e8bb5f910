/**
 * dynalite, the in-process DynamoDB of the local runtime and the integration tests: the real
 * DynamoDB wire API on a loopback port, in memory or kept on disk under the data folder.
 */
import { createServer } from 'node:net';
import dynalite from 'dynalite';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { isAwsError } from '#ports/aws-faults';
import { createTableInput } from '../table.ts';

export interface DynaliteHandle {
  endpoint: string;
  close(): Promise<void>;
}

/** Starts dynalite on 127.0.0.1 (port 0 = any free port); `path` keeps the data on disk. */
export async function startDynalite(options: { port?: number; path?: string } = {}): Promise<DynaliteHandle> {
  const server = dynalite({ path: options.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('dynalite did not bind a TCP port');
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Creates the service table unless it exists already (a restart keeps it), and returns once it is
 * ACTIVE: dynalite, like DynamoDB, answers ResourceNotFoundException while a table is CREATING.
 */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: localCredentials });
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName })).catch(async (error: unknown) => {
      if (!isAwsError(error, 'ResourceNotFoundException')) throw error;
      await client.send(new CreateTableCommand(createTableInput(tableName)));
    });
    await waitUntilTableExists(
      { client, minDelay: 0.01, maxDelay: 0.1, maxWaitTime: 30 },
      { TableName: tableName },
    );
  } finally {
    client.destroy();
  }
}

/** dynalite accepts any credentials; these keep the SDK from looking for real ones. */
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Whether a TCP port on loopback is free (used to give a clear message when PORT is taken). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
