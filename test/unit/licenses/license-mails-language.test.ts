// The certificate and revocation mails follow the language the licensee requested in; a request
// that named none gets both, Traditional Chinese first.
import { describe, expect, it } from 'vitest';
import { certificateRevokedMail, licenseCertificateMail } from '#templates/mail/license-mails';

const certificate = {
  number: 'OGDL-2027-000001',
  datasetTitle: { zh: '全國村里界圖', en: 'Village boundaries' },
  attribution: { zh: '內政部國土測繪中心 全國村里界圖', en: 'NLSC, Village boundaries' },
  kind: 'OGDL' as const,
  pdfUrl: 'https://ogdl.example.tw/certificates/OGDL-2027-000001?token=t',
  licenseUrl: 'https://ogdl.example.tw/licenses/lic-1',
};
const revocation = {
  number: 'OGDL-2027-000001',
  datasetTitle: certificate.datasetTitle,
  standing: {
    status: 'REVOKED' as const,
    classification: 'OPEN' as const,
    reason: 'ISSUED_IN_ERROR' as const,
  },
  at: '2027-01-30T06:33:00.000Z',
  licenseUrl: certificate.licenseUrl,
};

describe('the licensee’s certificate mails', () => {
  it('are in English alone, with every link, for a request made in English', () => {
    for (const mail of [
      licenseCertificateMail({ ...certificate, lang: 'en' }),
      certificateRevokedMail({ ...revocation, lang: 'en' }),
    ]) {
      expect(mail.subject).not.toMatch(/[\u4e00-\u9fff]/);
      expect(mail.text).not.toContain('授權證明書');
      expect(mail.text).toContain(certificate.licenseUrl);
    }
    expect(licenseCertificateMail({ ...certificate, lang: 'en' }).text).toContain(certificate.pdfUrl);
    expect(certificateRevokedMail({ ...revocation, lang: 'en' }).text).toContain(
      '30 Jan 2027, 14:33 Taipei time',
    );
  });

  it('are in Traditional Chinese alone for a request made in it, and in both for one that named neither', () => {
    expect(licenseCertificateMail({ ...certificate, lang: 'zh' }).subject).toBe(
      '授權證明書已核發 OGDL-2027-000001',
    );
    expect(licenseCertificateMail(certificate).subject).toBe(
      '授權證明書已核發 OGDL-2027-000001 / Your license certificate OGDL-2027-000001',
    );
    expect(certificateRevokedMail({ ...revocation, lang: 'zh' }).text).not.toContain('Taipei time');
  });
});
