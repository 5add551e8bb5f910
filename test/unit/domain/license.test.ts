import { describe, expect, it } from 'vitest';
import { RuleViolationError } from '#domain/errors';
import {
  checkPaymentDate,
  LicenseRequestSchema,
  PaymentInputSchema,
  RevokeInputSchema,
  formatCertificateNumber,
  parseCertificateNumber,
  revocationReasons,
  revocationStatus,
} from '#domain/license';

describe('LicenseRequestSchema', () => {
  const request = {
    datasetId: 'household-register',
    licensee: { name: '陳小明', email: 'chen@example.org' },
    purpose: 'ACADEMIC',
  };

  it('accepts the api.md body', () => {
    expect(LicenseRequestSchema.safeParse(request).success).toBe(true);
  });

  it('refuses an unknown purpose and a licensee without a name', () => {
    expect(LicenseRequestSchema.safeParse({ ...request, purpose: 'PERSONAL' }).success).toBe(false);
    expect(
      LicenseRequestSchema.safeParse({ ...request, licensee: { ...request.licensee, name: ' ' } }).success,
    ).toBe(false);
  });
});

describe('PaymentInputSchema and RevokeInputSchema', () => {
  it('takes whole dollars and a reference', () => {
    expect(PaymentInputSchema.safeParse({ amountTwd: 172, reference: 'TX-0001' }).success).toBe(true);
    expect(PaymentInputSchema.safeParse({ amountTwd: 172.5, reference: 'TX-0001' }).success).toBe(false);
    expect(PaymentInputSchema.safeParse({ amountTwd: 172, reference: '' }).success).toBe(false);
  });

  it('defaults a missing note to empty and limits it to 1000 characters', () => {
    expect(RevokeInputSchema.parse({ reason: 'SUPERSEDED' }).note).toBe('');
    expect(RevokeInputSchema.safeParse({ reason: 'SUPERSEDED', note: 'n'.repeat(1001) }).success).toBe(false);
  });
});

describe('revocationStatus', () => {
  it.each([
    ['ISSUED_IN_ERROR', 'REVOKED'],
    ['SUPERSEDED', 'SUPERSEDED'],
    ['DATASET_WITHDRAWN', 'WITHDRAWN_DATASET'],
  ] as const)('marks an OGDL certificate for %s as %s', (reason, status) => {
    expect(revocationStatus(reason, 'OPEN')).toBe(status);
  });

  it('revokes an on-application grant whose conditions were breached', () => {
    expect(revocationStatus('CONDITIONS_BREACHED', 'ON_APPLICATION')).toBe('REVOKED');
  });

  it('refuses to revoke an OGDL grant for a breach of conditions', () => {
    const act = () => revocationStatus('CONDITIONS_BREACHED', 'OPEN');
    expect(act).toThrow(RuleViolationError);
    expect(act).toThrow(expect.objectContaining({ code: 'OGDL_GRANT_IRREVOCABLE' }));
  });
});

describe('certificate numbers', () => {
  it('pads the sequence to six digits', () => {
    expect(formatCertificateNumber('OPEN', 2026, 42)).toBe('OGDL-2026-000042');
    expect(formatCertificateNumber('OPEN', 2026, 999_999)).toBe('OGDL-2026-999999');
  });

  it('gives a grant on application its own prefix, never OGDL-', () => {
    expect(formatCertificateNumber('ON_APPLICATION', 2026, 42)).toBe('APL-2026-000042');
  });

  it('refuses a sequence or year that does not fit', () => {
    expect(() => formatCertificateNumber('OPEN', 2026, 0)).toThrow(RangeError);
    expect(() => formatCertificateNumber('OPEN', 2026, 1_000_000)).toThrow(RangeError);
    expect(() => formatCertificateNumber('OPEN', 26, 1)).toThrow(RangeError);
  });

  it('parses what it formats', () => {
    expect(parseCertificateNumber(formatCertificateNumber('OPEN', 2027, 7))).toEqual({
      dataClass: 'OPEN',
      year: 2027,
      sequence: 7,
    });
    expect(parseCertificateNumber('APL-2027-000007')).toEqual({
      dataClass: 'ON_APPLICATION',
      year: 2027,
      sequence: 7,
    });
  });

  it.each(['OGDL-2026-42', 'ogdl-2026-000042', 'OGDL-2026-000000', 'OGDL-2026-000042 ', 'CC-2026-000042'])(
    'does not recognise %s',
    (text) => {
      expect(parseCertificateNumber(text)).toBeUndefined();
    },
  );
});

describe('the day a payment was received', () => {
  const range = { requestDate: '2026-11-20', today: '2026-12-01' };
  it('lies between the request and today, both included', () => {
    for (const day of ['2026-11-20', '2026-11-25', '2026-12-01'])
      expect(() => checkPaymentDate(day, range)).not.toThrow();
  });
  it.each(['2026-11-19', '2026-12-02'])('refuses %s by its field', (day) => {
    try {
      checkPaymentDate(day, range);
      throw new Error('accepted');
    } catch (error) {
      expect((error as RuleViolationError).code).toBe('PAYMENT_DATE_OUT_OF_RANGE');
      expect((error as RuleViolationError).details[0]!.path).toBe('receivedOn');
    }
  });
});

describe('the reasons a certificate may be marked for', () => {
  it('are all four for a grant on application, and never a breach for an OGDL grant', () => {
    expect(revocationReasons('ON_APPLICATION')).toHaveLength(4);
    expect(revocationReasons('OPEN')).toEqual(['ISSUED_IN_ERROR', 'SUPERSEDED', 'DATASET_WITHDRAWN']);
    for (const reason of revocationReasons('OPEN'))
      expect(() => revocationStatus(reason, 'OPEN')).not.toThrow();
  });
});
