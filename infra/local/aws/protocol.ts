/**
 * What the local stand-ins for AWS services share: a request as read off the socket, a reply, and
 * the error shapes of the two wire protocols the SDK speaks to them (REST-JSON / JSON 1.1 name the
 * error in a header or `__type`; S3's REST-XML puts it in an XML body). The SDK turns these into the
 * same exception classes it raises on AWS, so the adapters' error handling runs as it would there.
 */
export interface StandInRequest {
  method: string;
  /** Decoded path segments, e.g. ['v2', 'email', 'outbound-emails']. */
  segments: string[];
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface StandInReply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** What the call did that tests may check (e.g. the key written and its lock), kept with the call. */
  note?: Record<string, string>;
}

/** One service: `match` names the operation a request is, `run` answers it. */
export interface StandInService {
  name: string;
  match(request: StandInRequest): string | undefined;
  run(request: StandInRequest, operation: string): Promise<StandInReply>;
  error(status: number, code: string, message: string): StandInReply;
}

export const json = (status: number, value: unknown, headers: Record<string, string> = {}): StandInReply => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(value),
});

/** REST-JSON services (SES v2, Scheduler, Lambda) name the error in `x-amzn-errortype`. */
export const restJsonError = (status: number, code: string, message: string): StandInReply =>
  json(status, { message }, { 'x-amzn-errortype': code });

export function bodyJson<T>(request: StandInRequest): T {
  return JSON.parse(request.body.toString('utf8') || '{}') as T;
}
