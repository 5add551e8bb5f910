/**
 * A thin, intent-stating layer over the single table. Every write names its condition:
 * `create` (the item must not exist), `replace` (the stored revision must be the one read) or
 * `increment` (the item must exist).
 * A failed condition becomes a ConflictError carrying the caller's own words; throttling and
 * DynamoDB 5xx (after the SDK's retries) become a 503 — nothing was written in either case.
 */
import { GetCommand, PutCommand, QueryCommand, DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { NativeAttributeValue } from '@aws-sdk/lib-dynamodb';
import { ConflictError, ServiceUnavailableError, ValidationError } from '#domain/errors';
import { isAwsError, isDependencyFault } from '../aws-faults.ts';
import { dynamoDocumentClient, tableName } from './client.ts';
import type { Versioned } from '../versioned.ts';

export type Item = Record<string, NativeAttributeValue>;

export interface Keys {
  pk: string;
  sk: string;
  gsi1pk?: string;
  gsi1sk?: string;
  gsi2pk?: string;
  gsi2sk?: string;
}

/** A stored record: its keys, a write counter for optimistic locking, and the data itself. */
export interface StoredItem<T> {
  data: T;
  revision: number;
}

export interface ConflictWording {
  code: string;
  message: string;
}

/** DynamoDB's own names for "busy" (ThrottlingException, 5xx and server faults are known to all). */
const DYNAMO_FAULTS = [
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
];
const conditionFailed = (error: unknown) => isAwsError(error, 'ConditionalCheckFailedException');

async function send<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (!isDependencyFault(error, DYNAMO_FAULTS)) throw error;
    const unavailable = new ServiceUnavailableError();
    unavailable.cause = error;
    throw unavailable;
  }
}

/** Sends a conditional write; a failed condition becomes the caller's conflict. */
async function conditional(
  command: PutCommand | DeleteCommand | UpdateCommand,
  conflict: ConflictWording,
): Promise<void> {
  try {
    const client = dynamoDocumentClient();
    await send(() =>
      command instanceof PutCommand
        ? client.send(command)
        : command instanceof DeleteCommand
          ? client.send(command)
          : client.send(command),
    );
  } catch (error) {
    if (conditionFailed(error)) throw new ConflictError(conflict.code, conflict.message);
    throw error;
  }
}

const revisionIs = (expected: number) => ({
  ExpressionAttributeNames: { '#revision': 'revision' },
  ExpressionAttributeValues: { ':expected': expected },
});

/** Creates an item; fails with the given conflict if one with the same keys exists. */
export async function createItem<T>(keys: Keys, data: T, conflict: ConflictWording, extra: Item = {}) {
  await conditional(
    new PutCommand({
      TableName: tableName(),
      Item: { ...extra, ...keys, revision: 1, data },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
    conflict,
  );
}

/**
 * Replaces an item only if it still has the revision that was read (and, optionally, an extra
 * condition such as the expected status). Returns the new revision.
 */
export async function replaceItem<T>(
  keys: Keys,
  data: T,
  expectedRevision: number,
  conflict: ConflictWording,
  extra: Item = {},
): Promise<number> {
  const revision = expectedRevision + 1;
  await conditional(
    new PutCommand({
      TableName: tableName(),
      Item: { ...extra, ...keys, revision, data },
      ConditionExpression: 'attribute_exists(pk) AND #revision = :expected',
      ...revisionIs(expectedRevision),
    }),
    conflict,
  );
  return revision;
}

/** Deletes an item only if it still has the revision that was read. */
export async function deleteItem(
  keys: Pick<Keys, 'pk' | 'sk'>,
  expectedRevision: number,
  conflict: ConflictWording,
) {
  await conditional(
    new DeleteCommand({
      TableName: tableName(),
      Key: { pk: keys.pk, sk: keys.sk },
      ConditionExpression: '#revision = :expected',
      ...revisionIs(expectedRevision),
    }),
    conflict,
  );
}

/** Deletes an item if it exists, whatever its revision; returns whether it existed (for single-use items). */
export async function deleteIfExists(keys: Pick<Keys, 'pk' | 'sk'>): Promise<boolean> {
  try {
    await conditional(
      new DeleteCommand({
        TableName: tableName(),
        Key: { pk: keys.pk, sk: keys.sk },
        ConditionExpression: 'attribute_exists(pk)',
      }),
      { code: 'GONE', message: '' },
    );
    return true;
  } catch (error) {
    if (error instanceof ConflictError) return false;
    throw error;
  }
}

/**
 * Sets fields inside `data` of an existing item in one write, only if `condition` holds (it names
 * `data`'s fields as `#data.#name`, values as `:name`; each field's path is its parts, so any
 * string can be a part), and bumps the revision. For records that
 * many requests change at once, each its own field, where reading a revision first would make all
 * but one of them retry.
 */
export async function setFields(
  keys: Pick<Keys, 'pk' | 'sk'>,
  fields: { path: string[]; value: NativeAttributeValue }[],
  condition: { expression: string; names?: Record<string, string>; values?: Item },
  conflict: ConflictWording,
): Promise<void> {
  const names: Record<string, string> = { '#data': 'data', '#revision': 'revision', ...condition.names };
  const values: Item = { ':one': 1, ...condition.values };
  const sets = fields.map(({ path, value }, i) => {
    const parts = path.map((part, j) => {
      names[`#f${i}_${j}`] = part;
      return `#f${i}_${j}`;
    });
    values[`:f${i}`] = value;
    return `#data.${parts.join('.')} = :f${i}`;
  });
  await conditional(
    new UpdateCommand({
      TableName: tableName(),
      Key: { pk: keys.pk, sk: keys.sk },
      UpdateExpression: `SET ${sets.join(', ')}, #revision = #revision + :one`,
      ConditionExpression: `attribute_exists(pk) AND (${condition.expression})`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
    conflict,
  );
}

/**
 * Counts one more use of a counter item (created on first use) unless it already reached `max`:
 * one conditional write, so any number of racing requests stop at exactly `max`. Returns whether
 * this use was counted. With `expiresAtEpoch` the item carries the TTL attribute, so it goes once
 * its window has.
 */
export async function countUpTo(
  keys: Pick<Keys, 'pk' | 'sk'>,
  max: number,
  expiresAtEpoch?: number,
): Promise<boolean> {
  const expires = expiresAtEpoch === undefined ? {} : { names: { '#expires': 'expiresAtEpoch' } };
  try {
    await send(() =>
      dynamoDocumentClient().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: { pk: keys.pk, sk: keys.sk },
          UpdateExpression: `ADD #count :one${expiresAtEpoch === undefined ? '' : ' SET #expires = :expires'}`,
          ConditionExpression: 'attribute_not_exists(pk) OR #count < :max',
          ExpressionAttributeNames: { '#count': 'count', ...expires.names },
          ExpressionAttributeValues: {
            ':one': 1,
            ':max': max,
            ...(expiresAtEpoch === undefined ? {} : { ':expires': expiresAtEpoch }),
          },
        }),
      ),
    );
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

/**
 * Adds one to the number `data.<field>` of an existing item in a single write (and bumps its revision),
 * returning the new number; undefined when the item does not exist. For counters that many requests move
 * at once: no read before the write, so no lost races to retry.
 */
export async function incrementItem(
  keys: Pick<Keys, 'pk' | 'sk'>,
  field: string,
): Promise<number | undefined> {
  try {
    const { Attributes } = await send(() =>
      dynamoDocumentClient().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: { pk: keys.pk, sk: keys.sk },
          UpdateExpression: 'SET #data.#field = #data.#field + :one, #revision = #revision + :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#data': 'data', '#field': field, '#revision': 'revision' },
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      ),
    );
    return (Attributes?.data as Record<string, number> | undefined)?.[field];
  } catch (error) {
    if (conditionFailed(error)) return undefined;
    throw error;
  }
}

export async function getItem<T>(keys: Pick<Keys, 'pk' | 'sk'>): Promise<StoredItem<T> | undefined> {
  const { Item } = await send(() =>
    dynamoDocumentClient().send(
      new GetCommand({ TableName: tableName(), Key: { pk: keys.pk, sk: keys.sk }, ConsistentRead: true }),
    ),
  );
  if (!Item) return undefined;
  return { data: Item.data as T, revision: Item.revision as number };
}

/** The item's data with the revision it was read at (`replaceItem` takes that revision back). */
export async function getVersioned<T>(keys: Pick<Keys, 'pk' | 'sk'>): Promise<Versioned<T> | undefined> {
  const item = await getItem<T>(keys);
  return item && { value: item.data, revision: item.revision };
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page; absent on the last page. */
  cursor?: string;
}

export interface QueryOptions {
  index?: 'gsi1' | 'gsi2';
  partition: string;
  /** Sort-key prefix (begins_with). */
  prefix?: string;
  /** Inclusive upper bound of the sort key (for "due by" queries). */
  upTo?: string;
  /** Inclusive bounds of the sort key (for a period). */
  between?: [string, string];
  newestFirst?: boolean;
  limit?: number;
  cursor?: string;
  /** Continue after this item (its keys), where a caller keeps its own place rather than a cursor. */
  startAfter?: Keys;
}

/** One page of a Query on the table or a GSI. The table itself is read consistently. */
export async function queryPage<T>(options: QueryOptions): Promise<Page<StoredItem<T>>> {
  const pkName = options.index ? `${options.index}pk` : 'pk';
  const skName = options.index ? `${options.index}sk` : 'sk';
  const names: Record<string, string> = { '#pk': pkName };
  const values: Item = { ':pk': options.partition };
  let condition = '#pk = :pk';
  if (options.prefix !== undefined) {
    names['#sk'] = skName;
    values[':prefix'] = options.prefix;
    condition += ' AND begins_with(#sk, :prefix)';
  } else if (options.upTo !== undefined) {
    names['#sk'] = skName;
    values[':upTo'] = options.upTo;
    condition += ' AND #sk <= :upTo';
  } else if (options.between !== undefined) {
    names['#sk'] = skName;
    [values[':from'], values[':to']] = options.between;
    condition += ' AND #sk BETWEEN :from AND :to';
  }
  const result = await send(() =>
    dynamoDocumentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: options.index,
        KeyConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: !options.newestFirst,
        Limit: options.limit,
        ExclusiveStartKey: options.startAfter
          ? startKey(options.startAfter, options.index)
          : options.cursor
            ? decodeCursor(options.cursor)
            : undefined,
        ConsistentRead: options.index ? undefined : true,
      }),
    ),
  );
  return {
    items: (result.Items ?? []).map((item) => ({ data: item.data as T, revision: item.revision as number })),
    cursor: result.LastEvaluatedKey ? encodeCursor(result.LastEvaluatedKey) : undefined,
  };
}

/** Every item of a partition (bounded collections only: a proposal's comments, events, ballots). */
export async function queryAll<T>(options: Omit<QueryOptions, 'cursor' | 'limit'>): Promise<StoredItem<T>[]> {
  const all: StoredItem<T>[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage<T>({ ...options, cursor });
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return all;
}

/**
 * How many items a Query matches (optionally only those whose `data.<field>` equals a value), read a
 * page at a time with `Select: COUNT`: DynamoDB still reads the items but returns none of them, so
 * the function holds a number, never the items.
 */
export async function countItems(
  options: Pick<QueryOptions, 'index' | 'partition' | 'prefix'> & {
    /** Sort keys from `from` to `to`, both included (instead of a prefix). */
    between?: { from: string; to: string };
    where?: { field: string; equals: number };
  },
): Promise<number> {
  const pkName = options.index ? `${options.index}pk` : 'pk';
  const names: Record<string, string> = { '#pk': pkName };
  const values: Item = { ':pk': options.partition };
  let condition = '#pk = :pk';
  if (options.prefix !== undefined) {
    names['#sk'] = options.index ? `${options.index}sk` : 'sk';
    values[':prefix'] = options.prefix;
    condition += ' AND begins_with(#sk, :prefix)';
  } else if (options.between) {
    names['#sk'] = options.index ? `${options.index}sk` : 'sk';
    values[':from'] = options.between.from;
    values[':to'] = options.between.to;
    condition += ' AND #sk BETWEEN :from AND :to';
  }
  if (options.where) {
    names['#data'] = 'data';
    names['#field'] = options.where.field;
    values[':equals'] = options.where.equals;
  }
  let count = 0;
  let start: Item | undefined;
  do {
    const result = await send(() =>
      dynamoDocumentClient().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: options.index,
          KeyConditionExpression: condition,
          ...(options.where ? { FilterExpression: '#data.#field = :equals' } : {}),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          Select: 'COUNT',
          ExclusiveStartKey: start,
          ConsistentRead: options.index ? undefined : true,
        }),
      ),
    );
    count += result.Count ?? 0;
    start = result.LastEvaluatedKey;
  } while (start);
  return count;
}

/** The key DynamoDB continues after: the table's keys, and the index's when querying one. */
function startKey(keys: Keys, index: QueryOptions['index']): Item {
  const key: Item = { pk: keys.pk, sk: keys.sk };
  if (index) {
    key[`${index}pk`] = keys[`${index}pk`];
    key[`${index}sk`] = keys[`${index}sk`];
  }
  return key;
}

function encodeCursor(key: Item): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string): Item {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof key !== 'object' || key === null || Array.isArray(key)) throw new Error('not an object');
    for (const value of Object.values(key)) if (typeof value !== 'string') throw new Error('not a key');
    return key as Item;
  } catch {
    throw new ValidationError('The cursor is not one this service issued.', [
      { path: 'cursor', message: 'Use the cursor returned by the previous page, unchanged.' },
    ]);
  }
}
