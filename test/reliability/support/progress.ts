/**
 * A long set-up whose limit follows its progress instead of the clock: it fails when no step has
 * finished for `stallMs`, however long all the steps together take on a machine whose cores are
 * shared. The hook that runs it turns vitest's own fixed limit off (timeout 0).
 */
export async function withProgress<T>(
  what: string,
  stallMs: number,
  run: (progressed: () => void) => Promise<T>,
): Promise<T> {
  let last = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    const check = () => {
      if (Date.now() - last > stallMs) reject(new Error(`${what}: no step finished for ${stallMs} ms`));
      else timer = setTimeout(check, 1000);
    };
    timer = setTimeout(check, 1000);
  });
  try {
    return await Promise.race([run(() => (last = Date.now())), stalled]);
  } finally {
    clearTimeout(timer);
  }
}
