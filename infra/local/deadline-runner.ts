/**
 * Fires the deadlines kept in the table when the local clock reaches them, by invoking the same
 * deadline function EventBridge Scheduler invokes on AWS. It runs on a real-time tick (for
 * `npm start`) and on demand after the clock is advanced (`POST /_local/clock`).
 */
import type { Clock } from '#ports/clock';
import { TableScheduler } from '#ports/scheduler-table';
import { log } from '#ports/log';

/** The deadline function's handler (the source module's or its bundle's). */
export type FireDeadline = (payload: unknown) => Promise<unknown>;

export class DeadlineRunner {
  private readonly scheduler = new TableScheduler();
  private readonly timer: NodeJS.Timeout;
  private running: Promise<void> | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly fireDeadline: FireDeadline,
    tickMs = 1000,
  ) {
    this.timer = setInterval(() => {
      if (this.running) return; // a pass is under way; it or the one queued after it sees this time
      void this.fireDue().catch((error: unknown) =>
        log.error('deadline tick failed', { error: String(error) }),
      );
    }, tickMs);
    this.timer.unref();
  }

  /**
   * Fires every deadline due by now, earliest first; returns how many fired. One pass at a time: a
   * call while a pass runs gets a new pass queued after it, since the running one may have read the
   * due list before the clock moved (joining it could answer 0 with a deadline due).
   */
  fireDue(): Promise<number> {
    const pass = (this.running ?? Promise.resolve()).then(() => this.pass());
    const settled = pass.then(
      () => undefined,
      () => undefined,
    );
    this.running = settled;
    void settled.then(() => {
      if (this.running === settled) this.running = undefined;
    });
    return pass;
  }

  private async pass(): Promise<number> {
    const failed = new Set<string>();
    let fired = 0;
    for (;;) {
      const due = (await this.scheduler.due(this.clock.now())).filter((d) => !failed.has(d.deadline.name));
      if (due.length === 0) return fired;
      for (const { deadline, revision } of due) {
        try {
          await this.fireDeadline(deadline.payload);
          await this.scheduler.remove(deadline.name, revision);
          fired += 1;
        } catch (error) {
          // Left in place: the next tick tries again, as Scheduler's retry policy would.
          failed.add(deadline.name);
          log.error('deadline failed', {
            deadline: deadline.name,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
    }
  }

  close(): void {
    clearInterval(this.timer);
  }
}
