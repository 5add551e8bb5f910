/**
 * The Step Functions wire API (JSON 1.0 protocol) in front of the local engine, so the handlers'
 * unchanged `SFNClient` works locally once AWS_ENDPOINT_URL_SFN points here: POST / with
 * `x-amz-target: AWSStepFunctions.<Operation>`, AWS-shaped results (dates in epoch seconds) and
 * AWS-shaped errors, which the SDK turns into its typed exceptions (TaskDoesNotExist, ...).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { ExecutionDescription, LocalWorkflowEngine } from './engine.ts';
import type { ExecutionStatus } from './execution-store.ts';
import type { HistoryEvent } from './history.ts';
import { SfnError } from './sfn-errors.ts';

const TARGET_PREFIX = 'AWSStepFunctions.';
const ERROR_NAMESPACE = 'com.amazonaws.swf.service.v2.model#';
const MAX_BODY_BYTES = 1024 * 1024;
const CONTENT_TYPE = 'application/x-amz-json-1.0';

type Body = Record<string, unknown>;
type Operation = (engine: LocalWorkflowEngine, body: Body) => unknown;

const operations: Record<string, Operation> = {
  StartExecution(engine, body) {
    const started = engine.startExecution({
      stateMachineArn: requiredString(body, 'stateMachineArn'),
      name: optionalString(body, 'name'),
      input: optionalString(body, 'input'),
    });
    return { executionArn: started.executionArn, startDate: epochSeconds(started.startDate) };
  },
  DescribeExecution(engine, body) {
    return describe(engine.describeExecution(requiredString(body, 'executionArn')), true);
  },
  ListExecutions(engine, body) {
    const all = engine.listExecutions(requiredString(body, 'stateMachineArn'), {
      statusFilter: optionalString(body, 'statusFilter') as ExecutionStatus | undefined,
    });
    const { page, nextToken } = paginate(all, body);
    return {
      executions: page.map((execution) => describe(execution, false)),
      ...(nextToken && { nextToken }),
    };
  },
  StopExecution(engine, body) {
    const stopped = engine.stopExecution(requiredString(body, 'executionArn'), {
      error: optionalString(body, 'error'),
      cause: optionalString(body, 'cause'),
    });
    return { stopDate: epochSeconds(stopped.stopDate) };
  },
  SendTaskSuccess(engine, body) {
    engine.sendTaskSuccess(requiredString(body, 'taskToken'), requiredString(body, 'output'));
    return {};
  },
  SendTaskFailure(engine, body) {
    engine.sendTaskFailure(
      requiredString(body, 'taskToken'),
      optionalString(body, 'error'),
      optionalString(body, 'cause'),
    );
    return {};
  },
  GetExecutionHistory(engine, body) {
    const events = engine.getExecutionHistory(requiredString(body, 'executionArn'));
    if (body.reverseOrder === true) events.reverse();
    const { page, nextToken } = paginate(events, body);
    const withData = body.includeExecutionData !== false;
    return { events: page.map((event) => historyEvent(event, withData)), ...(nextToken && { nextToken }) };
  },
};

/** The request handler on its own, to mount on another server (e.g. the runtime's). */
export function sfnRequestHandler(
  engine: LocalWorkflowEngine,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void handle(engine, req, res).catch((error: unknown) => {
      if (!res.headersSent)
        send(res, 500, { __type: `${ERROR_NAMESPACE}InternalFailure`, message: (error as Error).message });
    });
  };
}

export interface SfnApiServer {
  /** Base URL to use as the SDK endpoint (AWS_ENDPOINT_URL_SFN). */
  url: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1; port 0 (the default) picks a free one. */
export async function startSfnApiServer(
  engine: LocalWorkflowEngine,
  options: { port?: number } = {},
): Promise<SfnApiServer> {
  const server = createServer(sfnRequestHandler(engine));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The Step Functions API server did not bind a TCP port.');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(engine: LocalWorkflowEngine, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const target = String(req.headers['x-amz-target'] ?? '');
  const operation = target.startsWith(TARGET_PREFIX)
    ? operations[target.slice(TARGET_PREFIX.length)]
    : undefined;
  if (req.method !== 'POST' || !operation) {
    await drain(req);
    return sendError(
      res,
      'UnknownOperationException',
      `Operation ${JSON.stringify(target)} is not supported by the local Step Functions.`,
    );
  }
  let body: Body;
  try {
    const parsed = JSON.parse((await readBody(req)) || '{}') as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('The request body must be a JSON object.');
    body = parsed as Body;
  } catch (error) {
    return sendError(res, 'SerializationException', (error as Error).message);
  }
  try {
    send(res, 200, operation(engine, body));
  } catch (error) {
    if (error instanceof SfnError) return sendError(res, error.code, error.message);
    throw error;
  }
}

function describe(execution: ExecutionDescription, full: boolean): Body {
  return {
    executionArn: execution.executionArn,
    stateMachineArn: execution.stateMachineArn,
    name: execution.name,
    status: execution.status,
    startDate: epochSeconds(execution.startDate),
    ...(execution.stopDate && { stopDate: epochSeconds(execution.stopDate) }),
    ...(full && {
      input: execution.input,
      inputDetails: { included: true },
      ...(execution.output !== undefined && { output: execution.output, outputDetails: { included: true } }),
      ...(execution.error !== undefined && { error: execution.error }),
      ...(execution.cause !== undefined && { cause: execution.cause }),
    }),
  };
}

function historyEvent(event: HistoryEvent, withData: boolean): Body {
  const shaped: Body = { ...event, timestamp: event.timestamp / 1000 };
  if (!withData) {
    for (const value of Object.values(shaped)) {
      if (typeof value === 'object' && value !== null) {
        delete (value as Body).input;
        delete (value as Body).output;
      }
    }
  }
  return shaped;
}

/** nextToken is the offset of the next page, opaque to the caller as in AWS. */
function paginate<T>(items: T[], body: Body): { page: T[]; nextToken?: string } {
  const start =
    typeof body.nextToken === 'string'
      ? Number.parseInt(Buffer.from(body.nextToken, 'base64url').toString(), 10) || 0
      : 0;
  const size =
    typeof body.maxResults === 'number' && body.maxResults > 0 ? Math.min(body.maxResults, 1000) : 1000;
  const page = items.slice(start, start + size);
  const next =
    start + size < items.length ? Buffer.from(String(start + size)).toString('base64url') : undefined;
  return next ? { page, nextToken: next } : { page };
}

function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

function requiredString(body: Body, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '')
    throw new SfnError(
      'ValidationException',
      `1 validation error detected: '${field}' must be a non-empty string.`,
    );
  return value;
}

function optionalString(body: Body, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string')
    throw new SfnError('ValidationException', `1 validation error detected: '${field}' must be a string.`);
  return value;
}

function sendError(res: ServerResponse, code: string, message: string): void {
  res.setHeader('x-amzn-errortype', code);
  send(res, 400, { __type: `${ERROR_NAMESPACE}${code}`, message });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('The request body is too large.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function drain(req: IncomingMessage): Promise<void> {
  for await (const _chunk of req);
}
