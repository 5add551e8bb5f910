// The certificates the renderers are timed on: the unit tests' realistic view (the domain's own grant
// summary and attribution wording, QR code, SHA-256), free or paid, with a different number and licensee
// for every document so that nothing is served from a cache a real stream of certificates would miss.
import type { CertificateView } from '#templates/pdf/certificate';
import { certificateView, PAID } from '../test/unit/pdf/fixtures.ts';

const LICENSEES = [
  { name: '王小明', organization: '國立臺灣大學 氣候變遷研究中心', email: 'wang@example.tw' },
  { name: '陳怡君', organization: '臺北市政府資訊局', email: 'chen.yj@example.tw' },
  { name: 'Alexandra Papadopoulou', organization: 'Open Knowledge Taiwan', email: 'alex@example.org' },
  { name: '林宗翰', email: 'lin.th@example.com' },
  { name: '黃淑芬', organization: '中華民國地理資訊學會', email: 'huang@example.org.tw' },
];

export type CertificateKind = 'free' | 'paid';

export function benchView(kind: CertificateKind, i: number): CertificateView {
  const number = `OGDL-2026-${String(100_000 + i).padStart(6, '0')}`;
  return certificateView({
    number,
    licensee: LICENSEES[i % LICENSEES.length]!,
    verifyUrl: `https://ogdl.example.gov.tw/certificates/${number}/verify`,
    ...(kind === 'paid' ? { paid: PAID } : {}),
  });
}
