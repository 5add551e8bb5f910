import { describe, expect, it } from 'vitest';
import { recordLockedUntil } from '#ports/blob-store';

describe('which blobs are locked as official records', () => {
  const now = new Date('2027-03-01T04:00:00.000Z');

  it('locks issued certificates and decision records for ten years from the write', () => {
    for (const key of ['certificates/2027/APL-2027-000001.pdf', 'decisions/fp-1/version-2.pdf'])
      expect(recordLockedUntil(key, now)?.toISOString(), key).toBe('2037-03-01T04:00:00.000Z');
  });

  it('leaves consultation reports and other blobs unlocked', () => {
    for (const key of ['reports/fp-1/consultation-round-1.pdf', 'reports/fp-1/consultation-round-1.json'])
      expect(recordLockedUntil(key, now), key).toBeUndefined();
  });
});
