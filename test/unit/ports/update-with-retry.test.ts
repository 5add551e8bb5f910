import { describe, expect, it } from 'vitest';
import { ConflictError, ServiceUnavailableError } from '#domain/errors';
import { updateWithRetry } from '#ports/update-with-retry';

/** A step that loses its write `losses` times, then writes. */
const losing = (losses: number, code = 'CHANGED') => {
  const attempts: number[] = [];
  const step = async (attempt: number) => {
    attempts.push(attempt);
    if (attempts.length <= losses) throw new ConflictError(code, 'changed meanwhile');
    return 'written';
  };
  return { attempts, step };
};

describe('update with retry', () => {
  it('runs the step again after a lost race, and answers what the winning attempt wrote', async () => {
    const { attempts, step } = losing(2);
    await expect(updateWithRetry(5, step)).resolves.toBe('written');
    expect(attempts).toEqual([0, 1, 2]);
  });

  it('throws the last conflict once the attempts are spent', async () => {
    const { attempts, step } = losing(3);
    await expect(updateWithRetry(3, step)).rejects.toMatchObject({ code: 'CHANGED' });
    expect(attempts).toEqual([0, 1, 2]);
  });

  it('throws any other error at once, and a conflict the filter does not retry', async () => {
    let runs = 0;
    const failing = async () => {
      runs += 1;
      throw new ServiceUnavailableError();
    };
    await expect(updateWithRetry(5, failing)).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(runs).toBe(1);
    const { attempts, step } = losing(1, 'GONE');
    await expect(updateWithRetry(5, step, (e) => e.code === 'CHANGED')).rejects.toMatchObject({
      code: 'GONE',
    });
    expect(attempts).toEqual([0]);
  });
});
