/**
 * The table's client with faults injected (aws-sdk-client-mock on a DynamoDB document client):
 * reads and writes go through to the real table, except the writes a plan says fail, which fail
 * as DynamoDB fails them after the SDK has given up: throttled, or a 500.
 */
import {
  DynamoDBClient,
  InternalServerError,
  ProvisionedThroughputExceededException,
} from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { dynamoDocumentClient, setDynamoDocumentClient } from '#ports/dynamo/client';

export type Fault = 'throttled' | 'server error';

export function faultError(fault: Fault): Error {
  return fault === 'throttled'
    ? new ProvisionedThroughputExceededException({
        message: 'The level of configured provisioned throughput for the table was exceeded.',
        $metadata: { httpStatusCode: 400 },
      })
    : new InternalServerError({ message: 'Internal server error', $metadata: { httpStatusCode: 500 } });
}

export interface FaultPlan {
  fault: Fault;
  /**
   * Which writes fail, counting from 1 after the plan starts: all of them, only the n-th, or the
   * n-th and every one after it (a process that stopped there).
   */
  failing: 'every write' | number | { from: number };
}

export function faultyTable() {
  const real = dynamoDocumentClient();
  const faulty = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  const mock = mockClient(faulty);
  let plan: FaultPlan | undefined;
  let writes = 0;
  let failed = 0;
  const write = async (send: () => Promise<unknown>) => {
    writes += 1;
    const failing = plan?.failing;
    if (
      failing === 'every write' ||
      failing === writes ||
      (typeof failing === 'object' && writes >= failing.from)
    ) {
      failed += 1;
      throw faultError(plan!.fault);
    }
    return send();
  };
  mock.on(GetCommand).callsFake((input) => real.send(new GetCommand(input)));
  mock.on(QueryCommand).callsFake((input) => real.send(new QueryCommand(input)));
  mock.on(PutCommand).callsFake((input) => write(() => real.send(new PutCommand(input))));
  mock.on(DeleteCommand).callsFake((input) => write(() => real.send(new DeleteCommand(input))));
  mock.on(UpdateCommand).callsFake((input) => write(() => real.send(new UpdateCommand(input))));
  return {
    /** Injects the plan's faults until `clear()`. */
    start(next: FaultPlan) {
      plan = next;
      writes = 0;
      failed = 0;
      setDynamoDocumentClient(faulty);
    },
    /** Back to the real client; returns how many writes were attempted and how many failed. */
    clear(): { writes: number; failed: number } {
      setDynamoDocumentClient(real);
      plan = undefined;
      return { writes, failed };
    },
    restore() {
      setDynamoDocumentClient(real);
      mock.restore();
    },
  };
}
