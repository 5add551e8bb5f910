// The font every PDF is set in: Noto Sans TC (Noto Sans Hant Regular, SIL OFL 1.1, licence text in
// templates/fonts/NotoSansTC-OFL.txt), shipped by npm @embedpdf/fonts-tc. It covers Traditional Chinese and
// Latin; what it lacks (Extension B, Hangul, Hebrew, Arabic, mathematical letters) is drawn by the
// fallback fonts of font-files.ts through font-chain.ts. pdfkit's built-in Helvetica is never used
// because it cannot be loaded once the code is bundled (see docs/stack-notes.md).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { create, type Font } from 'fontkit';

/** Name under which the font is registered on every document. */
export const CJK_FONT = 'NotoSansTC';

const FONT_FILE = 'NotoSansHant-Regular.otf';

/**
 * Where the OTF lives. `CJK_FONT_PATH` wins: a Lambda bundle has no node_modules, so the font ships as a
 * file beside the bundle and the deployment points this variable at it.
 */
export function cjkFontPath(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.CJK_FONT_PATH;
  if (override) return override;
  let entry: string;
  try {
    // The package's `exports` map only exposes its JS entry, so resolve that and step over to fonts/.
    entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-tc');
  } catch (cause) {
    throw new Error(`CJK font not found: install @embedpdf/fonts-tc or set CJK_FONT_PATH to ${FONT_FILE}`, {
      cause,
    });
  }
  return path.join(path.dirname(entry), '..', 'fonts', FONT_FILE);
}

let parsed: Font | undefined;

/**
 * The parsed font, read and parsed once per process. Parsing the 5.4 MB OTF is most of the cost of a
 * document, so every document reuses this object (pdfkit subsets it per document without mutating it).
 */
export function cjkFont(): Font {
  if (parsed) return parsed;
  const file = cjkFontPath();
  const result = create(readFileSync(file));
  // A .ttc collection (e.g. Debian's NotoSansCJK) is accepted if it holds a Traditional Chinese face.
  const font = 'fonts' in result ? result.fonts.find((f) => /TC|Hant/.test(f.postscriptName)) : result;
  if (!font) throw new Error(`${file} holds no Traditional Chinese face`);
  emptyUnusedSubroutines(font);
  parsed = font;
  return font;
}

/**
 * pdfkit embeds a subset of the font with the glyphs a document uses, but glyph programs call subroutines
 * by index, so the subset keeps every subroutine slot of the font and fontkit fills each unused one with a
 * one-byte `return`. This face's main CJK table has 12,307 slots: those fillers make every offset in the
 * index differ, ~25 KB per PDF even compressed. An unused slot is never called, so it may as well be empty
 * (zero-length entries are valid CFF); the offsets then repeat and compress to almost nothing. The last
 * slot keeps its filler: Ghostscript 10 rejects the whole font when an index holds no data at all. Only the
 * subset's copy of the subroutine list changes; glyph programs and the parsed font are untouched.
 */
export function emptyUnusedSubroutines(font: Font): void {
  const face = font as unknown as { createSubset?: () => object };
  const createSubset = face.createSubset;
  if (typeof createSubset !== 'function') return;
  face.createSubset = () => {
    const subset = createSubset.call(font) as Partial<CffSubset>;
    // Only a CFF subset has subroutines (and this method); anything else is left as fontkit made it.
    if (typeof subset.subsetSubrs === 'function' && subset.cff) {
      const cff = subset.cff;
      subset.subsetSubrs = (subrs, used) =>
        subrs.map((subr, i) => {
          if (!used[i]) return i === subrs.length - 1 ? RETURN : NOTHING;
          cff.stream.pos = subr.offset;
          return cff.stream.readBuffer(subr.length);
        });
    }
    return subset;
  };
}

const RETURN = new Uint8Array([11]);
const NOTHING = new Uint8Array(0);

/** The part of fontkit's CFF subset that emptyUnusedSubroutines replaces (fontkit 2 ships no types). */
interface CffSubset {
  cff: { stream: { pos: number; readBuffer(length: number): Uint8Array } };
  subsetSubrs(subrs: { offset: number; length: number }[], used: Record<number, boolean>): Uint8Array[];
}

/**
 * Word shapes shared by every document. pdfkit shapes text word by word (fontkit applies the font's
 * OpenType features, most of the cost of laying text out) and keeps each word's glyph run in a cache of
 * its own per document, in font units (independent of size) and never modified after it is stored. Every
 * certificate repeats nearly all of its words, so one cache for the process saves most of the shaping;
 * it is bounded so that a long-lived process does not keep every licensee's name.
 *
 * A long report looks a word up millions of times, so a look-up is one Map read: the words are kept in
 * two generations, the recent one filled until it holds LAYOUT_GENERATION words and then becoming the
 * older one (the older one before it dropped). A word found only in the older generation is copied into
 * the recent one, so what is still in use outlives what is not, as in a least-recently-used list without
 * reordering one on every read; at most twice LAYOUT_GENERATION words are kept.
 */
const LAYOUT_GENERATION = 5_000;
let recentLayouts = new Map<string, unknown>();
let olderLayouts = new Map<string, unknown>();

function keepLayout(word: string, run: unknown): void {
  if (recentLayouts.size >= LAYOUT_GENERATION) {
    olderLayouts = recentLayouts;
    recentLayouts = new Map();
  }
  recentLayouts.set(word, run);
}

function sharedLayout(word: string): unknown {
  let run = recentLayouts.get(word);
  if (run === undefined) {
    run = olderLayouts.get(word);
    if (run !== undefined) keepLayout(word, run);
  }
  return run;
}

/** The part of pdfkit's embedded font (not in @types/pdfkit) that its word cache is made of. */
interface EmbeddedFont {
  font?: unknown;
  layoutCache?: unknown;
  layoutRun?: (word: string) => unknown;
  layoutCached?: (word: string) => unknown;
}

/** Registers the shared parsed font on a document and makes it current. */
export function useCjkFont(doc: PDFKit.PDFDocument): void {
  // pdfkit ≥ 0.20 accepts an already parsed fontkit Font (it checks for a `layout` method), but
  // @types/pdfkit only lists file names and byte buffers, hence the cast.
  const font = cjkFont();
  doc.registerFont(CJK_FONT, font as unknown as Uint8Array);
  doc.font(CJK_FONT);
  // pdfkit's per-document word cache sits on its embedded font object (not part of its typed API): where
  // it is there and the font is the shared one, the font's look-up (layoutCached, which reads that cache
  // and shapes and stores a word it lacks) reads and fills the process-wide one instead (see sharedLayout).
  const embedded = (doc as unknown as { _font?: EmbeddedFont })._font;
  const layoutRun = embedded?.layoutRun;
  if (embedded?.font !== font || !embedded.layoutCache || typeof layoutRun !== 'function') return;
  embedded.layoutCached = (word) => {
    let run = sharedLayout(word);
    if (run === undefined) {
      run = layoutRun.call(embedded, word);
      keepLayout(word, run);
    }
    return run;
  };
}
