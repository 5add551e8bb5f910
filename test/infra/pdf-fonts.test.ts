// The fonts a PDF-rendering function ships: synth refuses to build one whose fonts are not installed,
// and says what to install, rather than shipping a function that cannot draw a Hebrew or Hangul name.
import { describe, expect, it } from 'vitest';
import { certificateRendererEntry } from '#tasks/task-functions';
import { FALLBACK_FONTS } from '#templates/pdf/font-files';
import { missingFont, PDF_FONT_FILES } from '../../infra/aws/constructs/service-function.ts';

const ENTRY = certificateRendererEntry;

describe('the fonts of a PDF-rendering function', () => {
  it('are all installed here, so nothing is missing', () => {
    expect(missingFont(ENTRY)).toBeUndefined();
  });

  it('names the Debian package to install when a fallback font is missing', () => {
    const hebrew = FALLBACK_FONTS.find((font) => font.file.startsWith('NotoSansHebrew'))!;
    const message = missingFont(ENTRY, (file) => file !== hebrew.installed);
    expect(message).toContain(ENTRY);
    expect(message).toContain(hebrew.installed);
    expect(message).toContain('apt-get install fonts-noto-core');
  });

  it('names npm ci when the primary font is missing', () => {
    expect(missingFont(ENTRY, (file) => !file.includes('@embedpdf'))).toMatch(/run npm ci/);
  });

  it('ships every fallback font with its licence beside it', () => {
    const names = PDF_FONT_FILES.map((file) => file.name);
    for (const font of FALLBACK_FONTS) {
      expect(names).toContain(font.file);
      expect(names).toContain(font.licence);
    }
  });
});
