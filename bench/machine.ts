// What the numbers were measured on, written next to them.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

export function machine() {
  const chromium = (() => {
    try {
      return execFileSync('/usr/bin/chromium', ['--version'], { stdio: 'pipe' }).toString().trim();
    } catch {
      return 'not installed';
    }
  })();
  return {
    nproc: Number(execFileSync('nproc').toString().trim()),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    chromium,
    /** 1, 5 and 15 minute load averages when the run started: other work on the machine skews timings. */
    loadAverageAtStart: loadavg().map((n) => Number(n.toFixed(2))),
  };
}
