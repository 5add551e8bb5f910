/**
 * The local runtime's controllable clock: real time plus an offset that `POST /_local/clock`
 * moves forward (or sets). The offset is kept in the data folder, so a restart keeps the time
 * the process had reached, and deadlines are not fired twice or missed.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Clock } from '#ports/clock';

export class LocalClock implements Clock {
  private offsetMs: number;
  private readonly file: string | undefined;

  constructor(dataDir?: string) {
    this.file = dataDir ? join(dataDir, 'clock.json') : undefined;
    this.offsetMs = this.file ? readOffset(this.file) : 0;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves time forward; the clock never goes back, so nothing already fired fires again. */
  advanceBy(ms: number): Date {
    if (!(ms >= 0)) throw new RangeError('The clock only moves forward.');
    this.offsetMs += ms;
    this.persist();
    return this.now();
  }

  set(target: Date): Date {
    const delta = target.getTime() - this.now().getTime();
    return this.advanceBy(Math.max(0, delta));
  }

  private persist() {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify({ offsetMs: this.offsetMs }));
    renameSync(temp, this.file);
  }
}

function readOffset(file: string): number {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { offsetMs?: unknown };
    return typeof parsed.offsetMs === 'number' ? parsed.offsetMs : 0;
  } catch {
    return 0;
  }
}

/** ISO-8601 durations as the clock API takes them: P61D, PT12H, P1DT2H30M, PT90S. */
export function parseDuration(text: string): number | undefined {
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  const [, w, d, h, m, s] = match;
  const days = Number(w ?? 0) * 7 + Number(d ?? 0);
  return ((days * 24 + Number(h ?? 0)) * 60 + Number(m ?? 0)) * 60_000 + Number(s ?? 0) * 1000;
}
