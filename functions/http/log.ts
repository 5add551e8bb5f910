/**
 * Structured JSON logs, one object a line (CloudWatch and the local console read the same).
 * LOG_LEVEL=silent keeps test output clean; secrets (tokens, ballot secrets) are never passed in.
 */
const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = keyof typeof levels;

function threshold(): number {
  const configured = (process.env.LOG_LEVEL ?? 'info') as Level;
  return levels[configured] ?? levels.info;
}

function write(level: Exclude<Level, 'silent'>, msg: string, fields: Record<string, unknown>) {
  if (levels[level] < threshold()) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), msg, ...fields });
  if (level === 'error' || level === 'warn') process.stderr.write(line + '\n');
  else process.stdout.write(line + '\n');
}

export const log = {
  debug: (msg: string, fields: Record<string, unknown> = {}) => write('debug', msg, fields),
  info: (msg: string, fields: Record<string, unknown> = {}) => write('info', msg, fields),
  warn: (msg: string, fields: Record<string, unknown> = {}) => write('warn', msg, fields),
  error: (msg: string, fields: Record<string, unknown> = {}) => write('error', msg, fields),
};
