// The fallback fonts of font-files.ts, read and parsed once per process, and only when a text first
// needs one: nearly every document is drawn in Noto Sans Hant alone, so a process that never meets a
// Hebrew or Hangul name never reads them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { create, type Font } from 'fontkit';
import { FALLBACK_FONT_DIR_VARIABLE, FALLBACK_FONTS, type FallbackFontFile } from './font-files.ts';
import { cjkFont, emptyUnusedSubroutines } from './fonts.ts';

/** Where a fallback font is read from: FALLBACK_FONT_DIR on Lambda, else where Debian installs it. */
export function fallbackFontPath(spec: FallbackFontFile, env: NodeJS.ProcessEnv = process.env): string {
  const dir = env[FALLBACK_FONT_DIR_VARIABLE];
  return dir ? path.join(dir, spec.file) : spec.installed;
}

const parsed = new Map<string, Font>();

/** The parsed fallback font `index` of FALLBACK_FONTS. */
export function fallbackFont(index: number): Font {
  const spec = FALLBACK_FONTS[index];
  if (!spec) throw new RangeError(`no fallback font ${index}`);
  const known = parsed.get(spec.file);
  if (known) return known;
  const file = fallbackFontPath(spec);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (cause) {
    throw new Error(
      `fallback font ${file} not found: install the Debian package ${spec.debianPackage} (see .ci/run) or set ${FALLBACK_FONT_DIR_VARIABLE} to a folder holding ${spec.file}`,
      { cause },
    );
  }
  const result = create(bytes);
  const face = 'fonts' in result ? result.fonts.find((f) => f.postscriptName === spec.face) : result;
  if (!face) throw new Error(`${file} holds no face ${spec.face}`);
  emptyUnusedSubroutines(face);
  const font = withMetricsOf(face, cjkFont());
  parsed.set(spec.file, font);
  return font;
}

/**
 * The font with the primary font's ascent, descent and line gap. pdfkit places text by the top of the
 * line (its font's ascent) and advances lines by its font's height, so a name drawn partly in another
 * font would otherwise sit on a shifted baseline, and a line ending in that font would be taller or
 * shorter than measured. Glyphs are untouched; only the metrics pdfkit reads for layout (and writes
 * into the font descriptor) are the primary's. The face itself stays as fontkit made it.
 */
function withMetricsOf(face: Font, primary: Font): Font {
  const scale = face.unitsPerEm / primary.unitsPerEm;
  return Object.create(face, {
    ascent: { value: primary.ascent * scale },
    descent: { value: primary.descent * scale },
    lineGap: { value: primary.lineGap * scale },
  }) as Font;
}
