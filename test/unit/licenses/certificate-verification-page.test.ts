import { describe, expect, it } from 'vitest';
import { certificateVerificationPage } from '#templates/pages/certificate-verification';
import type { CertificateVerificationPage } from '#templates/pages/certificate-verification';

const ZH = { lang: 'zh' as const, switchHref: '?lang=en' };
const EN = { lang: 'en' as const, switchHref: '?lang=zh' };
/** The page in each language, joined: what either reader is told. */
const inBoth = (v: CertificateVerificationPage) =>
  certificateVerificationPage(v, ZH) + certificateVerificationPage(v, EN);

function view(overrides: Partial<CertificateVerificationPage> = {}): CertificateVerificationPage {
  return {
    number: 'OGDL-2026-000007',
    status: 'VALID',
    sha256: 'ab'.repeat(32),
    licensee: { name: '林小華' },
    dataset: {
      agencyName: { zh: '內政部', en: 'Ministry of the Interior' },
      title: { zh: '全國村里界圖', en: 'Village and borough boundaries' },
      version: '2026.1',
      classification: 'OPEN',
    },
    license: {
      name: { zh: '政府資料開放授權條款－第1版', en: 'Open Government Data License, version 1.0' },
      version: '1.0',
      url: 'https://data.gov.tw/license',
      spdx: 'OGDL-Taiwan-1.0',
    },
    issuedAt: '2026-11-26T08:00:00.000Z',
    signatureValid: true,
    pdfUrl: 'http://127.0.0.1:3000/certificates/OGDL-2026-000007',
    jwksUrl: 'http://127.0.0.1:3000/.well-known/jwks.json',
    ...overrides,
  };
}

describe('the certificate verify page', () => {
  it('is written in the reader’s language alone', () => {
    const zh = certificateVerificationPage(view(), ZH);
    const en = certificateVerificationPage(view(), EN);
    expect(zh).toContain('數位簽章驗證通過');
    expect(zh).not.toContain('The digital signature verifies');
    expect(en).toContain('The digital signature verifies');
    expect(en).toContain('Village and borough boundaries');
    for (const chinese of ['數位簽章', '證書編號', '臺北時間', '全國村里界圖'])
      expect(en).not.toContain(chinese);
    expect(en).not.toContain('undefined');
  });

  it('says a valid OGDL certificate is valid and the grant irrevocable, in both languages, without script', () => {
    const markup = inBoth(view());
    expect(markup).toContain('有效');
    expect(markup).toContain('Valid');
    expect(markup).toContain('不可撤回');
    expect(markup).not.toMatch(/<script/i);
  });

  it.each([
    ['REVOKED', 'ISSUED_IN_ERROR', '已撤銷', '誤發'],
    ['SUPERSEDED', 'SUPERSEDED', '已由新證書取代', 'superseded'],
    ['WITHDRAWN_DATASET', 'DATASET_WITHDRAWN', '資料集已停止提供', 'withdrawn'],
  ] as const)(
    'for a %s OGDL record says only the record is marked and the license stays in force',
    (status, reason, zh, en) => {
      const markup = inBoth(
        view({ status, revocation: { reason, note: '', at: '2026-11-27T00:00:00.000Z' } }),
      );
      expect(markup).toContain(zh);
      expect(markup).toContain(en);
      expect(markup).toContain('授權不可撤回');
      expect(markup).toContain('stays in force');
    },
  );

  it('says an individual grant revoked for breached conditions has ended', () => {
    const markup = inBoth(
      view({
        status: 'REVOKED',
        dataset: { ...view().dataset, classification: 'ON_APPLICATION' },
        revocation: { reason: 'CONDITIONS_BREACHED', note: '', at: '2026-11-27T00:00:00.000Z' },
      }),
    );
    expect(markup).toContain('違反授權條件');
    expect(markup).not.toContain('不可撤回');
  });

  it('warns when the signature fails or a copy does not match', () => {
    const markup = inBoth(view({ signatureValid: false, sha256Matches: false }));
    expect(markup).toContain('數位簽章驗證失敗');
    expect(markup).toContain('does not match the issued PDF');
  });

  it('escapes every value', () => {
    const markup = inBoth(
      view({
        licensee: { name: '"><script>alert(1)</script>', organization: '<b>Org</b>' },
        status: 'REVOKED',
        revocation: {
          reason: 'ISSUED_IN_ERROR',
          note: '<img src=x onerror=alert(1)>',
          at: '2026-11-27T00:00:00.000Z',
        },
      }),
    );
    expect(markup).not.toMatch(/<script|<img|<b>/i);
    expect(markup).toContain('&lt;script&gt;');
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
