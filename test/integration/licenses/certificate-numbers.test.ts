// The certificate-number counter on dynalite: one conditional add per number, a conditional create for a year's first.
import { beforeAll, describe, expect, it } from 'vitest';
import { licenseRepository } from '#ports/license-repository';
import { createTestTable } from '../../support/table.ts';

describe('certificate sequence numbers', () => {
  beforeAll(async () => {
    await createTestTable();
  });

  it('start at 1 in each year and count on', async () => {
    expect(await licenseRepository.lastCertificateSequence('OPEN', 2040)).toBe(0);
    expect(await licenseRepository.nextCertificateSequence('OPEN', 2040)).toBe(1);
    expect(await licenseRepository.nextCertificateSequence('OPEN', 2040)).toBe(2);
    expect(await licenseRepository.nextCertificateSequence('OPEN', 2041)).toBe(1);
    expect(await licenseRepository.lastCertificateSequence('OPEN', 2040)).toBe(2);
  });

  it('count each kind of certificate on its own: APL- numbers do not take OGDL- numbers', async () => {
    expect(await licenseRepository.nextCertificateSequence('OPEN', 2044)).toBe(1);
    expect(await licenseRepository.nextCertificateSequence('ON_APPLICATION', 2044)).toBe(1);
    expect(await licenseRepository.nextCertificateSequence('ON_APPLICATION', 2044)).toBe(2);
    expect(await licenseRepository.nextCertificateSequence('OPEN', 2044)).toBe(2);
    expect(await licenseRepository.lastCertificateSequence('OPEN', 2044)).toBe(2);
    expect(await licenseRepository.lastCertificateSequence('ON_APPLICATION', 2044)).toBe(2);
  });

  it('give every one of many racing requests its own number, with no gap', async () => {
    // Act
    const numbers = await Promise.all(
      Array.from({ length: 20 }, () => licenseRepository.nextCertificateSequence('OPEN', 2042)),
    );
    // Assess
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await licenseRepository.lastCertificateSequence('OPEN', 2042)).toBe(20);
  });

  it('keeps up with a crowd: 200 racing requests on a running counter all get numbers, none is refused', async () => {
    // Prepare
    await licenseRepository.nextCertificateSequence('OPEN', 2043);
    // Act
    const numbers = await Promise.all(
      Array.from({ length: 200 }, () => licenseRepository.nextCertificateSequence('OPEN', 2043)),
    );
    // Assess
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 2));
  });
});
