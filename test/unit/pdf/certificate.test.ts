import { describe, expect, it } from 'vitest';
import { CertificateContentError, renderCertificate } from '#templates/pdf/certificate';
import { pdfPageTexts, pdfText, squash } from '#test/support/pdf-text';
import {
  applicationCertificateView,
  ATTRIBUTION_EN,
  ATTRIBUTION_ZH,
  certificateView,
  PAID,
} from './fixtures.ts';

const KB = 1024;

describe('renderCertificate', () => {
  it('prints number, licensee, dataset, license, attribution and verification on one A4 page', async () => {
    const pdf = await renderCertificate(certificateView());
    const pages = await pdfPageTexts(pdf);
    expect(pages).toHaveLength(1);
    const text = pages[0] ?? '';
    for (const expected of [
      'OGDL-2025-000123',
      '王小明',
      '國立臺灣大學 氣候變遷研究中心',
      '逐時氣象觀測資料',
      'Hourly weather observations',
      '交通部中央氣象署',
      '政府資料開放授權條款－第1版',
      'Open Government Data License, version 1.0',
      'https://data.gov.tw/license',
      'OGDL-Taiwan-1.0',
      '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      'https://ogdl.example.gov.tw/verify/OGDL-2025-000123',
      'https://ogdl.example.gov.tw/.well-known/jwks.json',
      '2025年3月14日',
      '民國114年3月14日 · 14 Mar 2025',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('prints the pinned license version once, whether or not the name already carries it', async () => {
    const view = certificateView();
    for (const license of [
      view.license,
      { ...view.license, nameZh: '政府資料開放授權條款', nameEn: 'Open Government Data License' },
    ]) {
      const text = await pdfText(await renderCertificate({ ...view, license }));
      expect(text).toContain('政府資料開放授權條款－第1版');
      expect(text).not.toContain('第1版－第1版');
      expect(text).not.toContain('version 1.0, version 1.0');
    }
  });

  it('prints the three attribution parts, Chinese then English, each in order', async () => {
    const text = squash(await pdfText(await renderCertificate(certificateView())));
    const positions = [...ATTRIBUTION_ZH, ...ATTRIBUTION_EN].map((part) => text.indexOf(squash(part)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('prints the fee section only for fee-based grants', async () => {
    const free = await pdfText(await renderCertificate(certificateView()));
    const paid = await pdfText(await renderCertificate(applicationCertificateView({ paid: PAID })));
    expect(free).not.toContain('已繳金額');
    expect(free).not.toContain('FS-MOTC-CWA-2024-01');
    expect(paid).toContain('已繳金額 Amount paid：NT$12,500');
    expect(paid).toContain('FS-MOTC-CWA-2024-01');
    expect(paid).toContain('減收 50%');
    expect(paid).toContain('R-114-000321');
  });

  it('stays within the 80 KB size budget (the font is subset, unused subroutine slots empty)', async () => {
    for (const view of [certificateView(), applicationCertificateView()]) {
      expect((await renderCertificate(view)).length).toBeLessThanOrEqual(80 * KB);
    }
  });

  it('gives byte-identical output for the same view, and a different file for another certificate', async () => {
    const a = await renderCertificate(certificateView({ paid: PAID }));
    const b = await renderCertificate(certificateView({ paid: PAID }));
    expect(a.equals(b)).toBe(true);
    const other = await renderCertificate(certificateView({ number: 'OGDL-2025-000124', paid: PAID }));
    expect(other.equals(a)).toBe(false);
  });

  it('refuses to produce a certificate without all three attribution parts', async () => {
    const view = certificateView();
    await expect(
      renderCertificate({
        ...view,
        attribution: { zh: ATTRIBUTION_ZH.slice(0, 2), en: view.attribution!.en },
      }),
    ).rejects.toBeInstanceOf(CertificateContentError);
    await expect(
      renderCertificate({ ...view, attribution: { zh: view.attribution!.zh, en: ['a', ' ', 'c'] } }),
    ).rejects.toBeInstanceOf(CertificateContentError);
  });

  it('renders a grant on application under its own heading and number, with its conditions, source line and paid block, and no OGDL', async () => {
    const text = squash(await pdfText(await renderCertificate(applicationCertificateView())));
    for (const part of [
      '依申請提供之個別授權',
      'License for data provided on application',
      'APL-2025-000124',
      '客製化氣象資料提供使用規範（版本 2024.2）',
      'https://www.cwa.gov.tw/conditions/custom-data',
      '資料來源：交通部中央氣象署「逐時氣象觀測資料」（版本 3）',
      '法令依據 Legal basis：規費法第 10 條；氣象法第 17 條',
      '× 2 = NT$25,000',
      '減收 50% reduction',
      'NT$12,500',
      '繳費日期 Paid on 2025年3月13日',
      'R-114-000321',
    ])
      expect(text).toContain(squash(part));
    expect(text).not.toContain('政府資料開放授權條款');
    expect(text).not.toContain('SPDX');
    expect(text).not.toContain('OGDL-');
    expect(text).not.toContain('顯名聲明');
  });

  it('refuses a grant on application that carries an SPDX id or the OGDL statement', async () => {
    const view = applicationCertificateView();
    await expect(
      renderCertificate({ ...view, license: { ...view.license, spdx: 'OGDL-Taiwan-1.0' } }),
    ).rejects.toBeInstanceOf(CertificateContentError);
    await expect(
      renderCertificate({ ...view, attribution: certificateView().attribution! }),
    ).rejects.toBeInstanceOf(CertificateContentError);
  });

  it('renders combining marks, right-to-left and astral characters without failing', async () => {
    const pdf = await renderCertificate(
      certificateView({
        licensee: {
          name: '𠀋𡈽 Zoë Nguyễn (e\u0301) שלום مرحبا 👩🏽‍💻',
          organization: 'A\u0000B\u200Bc\uD800 control and lone surrogate',
        },
      }),
    );
    const pages = await pdfPageTexts(pdf);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Zoë');
  });

  it('shrinks long content to keep one page', async () => {
    // The longest real certificate: a paid grant on application.
    const view = applicationCertificateView();
    const long = {
      zh: view.grantSummary.zh.repeat(2),
      en: view.grantSummary.en.repeat(2),
    };
    const pdf = await renderCertificate({ ...view, grantSummary: long });
    expect(await pdfPageTexts(pdf)).toHaveLength(1);
    await expect(
      renderCertificate({ ...view, grantSummary: { zh: long.zh.repeat(10), en: long.en.repeat(10) } }),
    ).rejects.toBeInstanceOf(CertificateContentError);
  });

  it('renders concurrently with the shared font', async () => {
    const views = Array.from({ length: 4 }, (_, i) => certificateView({ number: `OGDL-2025-00020${i}` }));
    const pdfs = await Promise.all(views.map(renderCertificate));
    const texts = await Promise.all(pdfs.map(pdfText));
    texts.forEach((text, i) => expect(text).toContain(`OGDL-2025-00020${i}`));
  });
});
