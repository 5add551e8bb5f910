// Benchmark parts run in child processes of their own, so that one part's heap, JIT and caches do not
// colour the next, and so that peak RSS is the part's own. Children are TypeScript run through tsx.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { within } from './stats.ts';

export const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));

/** Runs `bench/<file>` with `args`; resolves with the one message it sends back before exiting. */
export function runChild<T>(file: string, args: string[], timeoutMs: number): Promise<T> {
  const child = fork(`${BENCH_DIR}${file}`, args, {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const result = new Promise<T>((resolve, reject) => {
    let answer: { value: T } | undefined;
    child.once('message', (message) => (answer = { value: message as T }));
    child.once('error', reject);
    child.once('exit', (code) =>
      answer
        ? resolve(answer.value)
        : reject(new Error(`${file} ${args.join(' ')} exited ${code} without a result`)),
    );
  });
  return within(timeoutMs, `${file} ${args.join(' ')}`, result).catch((error: unknown) => {
    child.kill();
    throw error;
  });
}

/** In a child: sends the result to the parent and leaves. */
export function reply(result: unknown): void {
  process.send!(result, () => process.exit(0));
}
