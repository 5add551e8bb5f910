/**
 * What every workflow task shares: its input is parsed with one schema (a malformed input is a
 * bug in the workflow, reported as such), and its start and end are logged without the task token,
 * as is every line logged while it runs.
 */
import * as z from '#domain/zod';
import type { Context } from 'aws-lambda';
import { log, startInvocationLog } from '#ports/log';

export const ReviewTaskInput = z.object({
  proposalId: z.string().check(z.minLength(1)),
  version: z.int().check(z.gte(1)),
  round: z.int().check(z.gte(1)),
  taskToken: z.optional(z.string().check(z.minLength(1))),
});
export type ReviewTaskInput = z.infer<typeof ReviewTaskInput>;

export class TaskInputError extends Error {
  override name = 'TaskInputError';
}

export function reviewTask<I extends z.ZodMiniType<ReviewTaskInput>, R>(
  name: string,
  schema: I,
  run: (input: z.infer<I>) => Promise<R>,
) {
  return async (event: unknown, context?: Context): Promise<R> => {
    const parsed = schema.safeParse(event);
    if (!parsed.success) throw new TaskInputError(`${name}: ${parsed.error.message}`);
    const { taskToken: _secret, ...visible } = parsed.data;
    // Every line of the step names the proposal, version and round: the review execution it serves
    // (named on the step's own lines too: the local runtime runs steps concurrently in one process).
    startInvocationLog(context, { task: name, ...visible });
    const started = Date.now();
    log.info('task started', { task: name, ...visible });
    const result = await run(parsed.data);
    log.info('task finished', { task: name, ...visible, ms: Date.now() - started });
    return result;
  };
}
