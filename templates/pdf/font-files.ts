// The fonts tried, in this order, for text Noto Sans Hant has no glyph for (see font-chain.ts). Each is
// a Debian package's file, installed where the list says on a developer's machine and in CI (.ci/run
// installs the packages), and copied beside the bundle of every PDF-rendering Lambda function with its
// licence (infra/aws/constructs/service-function.ts), where FALLBACK_FONT_DIR points. Data only, so
// that the CDK wrapper can read the list without loading fontkit.

export interface FallbackFontFile {
  /** File name, the same installed and shipped. */
  file: string;
  /** Where the Debian package puts it. */
  installed: string;
  debianPackage: string;
  /** For a collection (.ttc): the face to draw with, by PostScript name. */
  face?: string;
  /** Its licence text, in templates/fonts/, shipped beside it. */
  licence: string;
}

/** Variable naming the folder the fallback fonts are read from instead of the Debian paths (Lambda). */
export const FALLBACK_FONT_DIR_VARIABLE = 'FALLBACK_FONT_DIR';

export const FALLBACK_FONTS: readonly FallbackFontFile[] = [
  {
    // Noto Sans CJK TC: the same design as Noto Sans Hant, with the Extension B ideographs of
    // Taiwanese and Hong Kong names (𠀋, 𡈽) and all 11,172 Hangul syllables. The collection holds
    // five faces over one set of outlines, so shipping it whole costs no more than one face.
    file: 'NotoSansCJK-Regular.ttc',
    installed: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    debianPackage: 'fonts-noto-cjk',
    face: 'NotoSansCJKtc-Regular',
    licence: 'NotoSansCJK-OFL.txt',
  },
  {
    file: 'NotoSansHebrew-Regular.ttf',
    installed: '/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf',
    debianPackage: 'fonts-noto-core',
    licence: 'NotoSansHebrew-OFL.txt',
  },
  {
    file: 'NotoSansArabic-Regular.ttf',
    installed: '/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf',
    debianPackage: 'fonts-noto-core',
    licence: 'NotoSansArabic-OFL.txt',
  },
  {
    // Mathematical alphanumeric symbols (𝐀𝐝𝐚), which people paste as "bold" or "italic" names.
    file: 'NotoSansMath-Regular.ttf',
    installed: '/usr/share/fonts/truetype/noto/NotoSansMath-Regular.ttf',
    debianPackage: 'fonts-noto-core',
    licence: 'NotoSansMath-OFL.txt',
  },
];
