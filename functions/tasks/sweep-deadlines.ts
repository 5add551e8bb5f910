/**
 * The hourly deadline sweep (an EventBridge schedule invokes it): fires every deadline that is
 * overdue, in case its own schedule never fired. Idempotent: see usecases/sweep-deadlines.ts.
 */
import { log } from '#ports/log';
import { sweepOverdueDeadlines } from '#usecases/sweep-deadlines';

export const handler = async () => {
  const { fired } = await sweepOverdueDeadlines();
  const acted = fired.filter((f) => f.outcome === 'RELEASED');
  // A deadline the sweep had to release is one whose schedule failed: worth a warning.
  if (acted.length)
    log.warn('overdue deadlines released by the sweep', { deadlines: acted.map((f) => f.payload) });
  return { checked: fired.length, released: acted.length };
};
