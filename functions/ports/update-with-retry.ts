/**
 * The one loop for read-modify-conditional-write: `step` reads the current state, decides, and
 * writes on the revision it read. A write that lost a race (a ConflictError, which `retries` may
 * narrow to its codes) runs the whole step again on fresh state, `attempts` times in all; the last
 * loss is thrown, as is any other error at once. No wait between attempts: the loser of a race
 * reads the winner's state, which is already there.
 */
import { ConflictError } from '#domain/errors';

export async function updateWithRetry<R>(
  attempts: number,
  step: (attempt: number) => Promise<R>,
  retries: (error: ConflictError) => boolean = () => true,
): Promise<R> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await step(attempt);
    } catch (error) {
      if (!(error instanceof ConflictError && retries(error)) || attempt + 1 >= attempts) throw error;
    }
  }
}
