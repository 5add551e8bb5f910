/**
 * Limits on what one client or one recipient can set off, counted per fixed window: a limit allows
 * `max` events per `windowSeconds`; the window an instant falls in starts at a multiple of the
 * window length. Pure arithmetic; the counters live in the table.
 */
export interface RateLimit {
  /** Names the limit in keys, errors and settings. */
  name: 'PUBLIC_WRITES_PER_SOURCE' | 'MAILS_PER_RECIPIENT';
  max: number;
  windowSeconds: number;
}

export interface RateWindow {
  /** ISO 8601 start of the window. */
  start: string;
  /** Seconds-since-epoch end of the window (the counter can be deleted then). */
  endEpoch: number;
  /** Whole seconds from `now` until a new window opens: the Retry-After of a refusal. */
  retryAfterSeconds: number;
}

export function windowOf(limit: Pick<RateLimit, 'windowSeconds'>, now: Date): RateWindow {
  const seconds = now.getTime() / 1000;
  const startEpoch = Math.floor(seconds / limit.windowSeconds) * limit.windowSeconds;
  const endEpoch = startEpoch + limit.windowSeconds;
  return {
    start: new Date(startEpoch * 1000).toISOString(),
    endEpoch,
    retryAfterSeconds: Math.max(1, Math.ceil(endEpoch - seconds)),
  };
}

/** Reads a limit written as `<max>/<window seconds>`, e.g. `40/86400`; throws on anything else. */
export function parseLimit(name: RateLimit['name'], text: string): RateLimit {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const max = Number(match?.[1]);
  const windowSeconds = Number(match?.[2]);
  if (!match || max < 1 || windowSeconds < 1)
    throw new Error(`Rate limit ${name} must read '<max>/<window seconds>', e.g. '40/86400'; got '${text}'.`);
  return { name, max, windowSeconds };
}

/**
 * Who a source address stands for: an IPv4 address itself; an IPv6 address by its /64 network,
 * which one subscriber usually holds whole (so changing the last 64 bits buys no new quota).
 */
export function sourceSubject(address: string): string {
  const ip = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
