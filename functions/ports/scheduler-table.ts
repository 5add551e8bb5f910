/**
 * Deadlines kept as items in the table, for the local runtime: it queries the ones due by its
 * clock's time and fires them. Scheduling a name again replaces its time (an extension).
 */
import { createItem, deleteItem, getItem, queryPage, replaceItem } from './dynamo/table.ts';
import { ConflictError } from '#domain/errors';
import { updateWithRetry } from './update-with-retry.ts';
import { deadlineKey, deadlineKeys, deadlinesDuePartition, deadlinesDueUpTo } from './dynamo/keys.ts';
import type { Deadline, Scheduler } from './scheduler.ts';

const conflict = { code: 'DEADLINE_CHANGED', message: 'The deadline changed meanwhile.' };

const sameDeadline = (a: Deadline, b: Deadline): boolean =>
  a.at === b.at && JSON.stringify(a.payload) === JSON.stringify(b.payload);

export class TableScheduler implements Scheduler {
  async schedule(deadline: Deadline): Promise<void> {
    const normalised = { ...deadline, at: new Date(deadline.at).toISOString() };
    await updateWithRetry(5, async () => {
      const existing = await getItem<Deadline>(deadlineKey(deadline.name));
      // Already set for that time (many comments schedule the same digest at once): nothing to write,
      // so racing callers of the same deadline do not conflict with one another.
      if (existing && sameDeadline(existing.data, normalised)) return;
      if (!existing) await createItem(deadlineKeys(normalised), normalised, conflict);
      else await replaceItem(deadlineKeys(normalised), normalised, existing.revision, conflict);
    });
  }

  async cancel(name: string): Promise<void> {
    const existing = await getItem<Deadline>(deadlineKey(name));
    if (!existing) return;
    try {
      await deleteItem(deadlineKey(name), existing.revision, conflict);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }

  /** Deadlines due at or before `now`, earliest first. */
  async due(now: Date, limit = 25): Promise<{ deadline: Deadline; revision: number }[]> {
    const page = await queryPage<Deadline>({
      index: 'gsi1',
      partition: deadlinesDuePartition,
      upTo: deadlinesDueUpTo(now),
      limit,
    });
    return page.items.map((i) => ({ deadline: i.data, revision: i.revision }));
  }

  /** Removes a fired deadline unless it was moved meanwhile (then it stays, for its new time). */
  async remove(name: string, revision: number): Promise<void> {
    try {
      await deleteItem(deadlineKey(name), revision, conflict);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
}
