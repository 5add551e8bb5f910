// Splitting text into runs by the font that can draw them, and ordering a right-to-left run for drawing.
// Pure: the fonts are seen only through what they cover, so this is tested without any font file.

/** Whether a font has a glyph for a code point (fontkit's `hasGlyphForCodePoint`). */
export type Covers = (codePoint: number) => boolean;

export interface Run {
  /** Index in the chain of the font that draws the run. */
  font: number;
  text: string;
  /** Written right to left (Hebrew, Arabic, …): see drawingOrder. */
  rtl: boolean;
}

// Code points no font is asked to draw: controls (line breaks), white space, and the invisible format
// characters (joiners, direction marks, variation selectors) that shape the letter beside them.
const UNDRAWN = /[\p{Cc}\p{White_Space}\p{Cf}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;
// Space and punctuation: they stay in the run they are in, if its font has them, so that a name in
// one script is one run (and a right-to-left name keeps its spaces while its words are reordered).
const NEUTRAL = /^[\p{White_Space}\p{P}]+$/u;
const RTL = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

const drawable = (covers: Covers, grapheme: string): boolean => {
  for (const char of grapheme) {
    if (!UNDRAWN.test(char) && !covers(char.codePointAt(0)!)) return false;
  }
  return true;
};

/**
 * Whether the first font draws all of `text` (the common case, decided without segmenting). Asked of
 * every string a document measures or draws, and by pdfkit's line wrapper of every word, so it looks
 * at each code point once and asks the font first (with `remembered`, a lookup).
 */
export function drawnByFirst(text: string, first: Covers): boolean {
  for (let i = 0; i < text.length; i++) {
    const codePoint = text.codePointAt(i)!;
    if (codePoint > 0xffff) i++;
    if (!first(codePoint) && !UNDRAWN.test(String.fromCodePoint(codePoint))) return false;
  }
  return true;
}

/**
 * `covers` asked once per code point: fontkit answers hasGlyphForCodePoint by a binary search of the
 * font's character map read from its bytes each time, and a long report asks it millions of times for
 * the same few thousand characters.
 */
export function remembered(covers: Covers): Covers {
  const known = new Map<number, boolean>();
  return (codePoint) => {
    let answer = known.get(codePoint);
    if (answer === undefined) {
      answer = covers(codePoint);
      known.set(codePoint, answer);
    }
    return answer;
  };
}

/**
 * Splits `text` into runs, each drawn by the first font of `chain` that has every code point of each
 * of its graphemes (a letter and its combining marks stay together). Space and punctuation stay with
 * the run before them when its font has them. A grapheme no font has goes to the first font, which
 * draws its missing-glyph box.
 */
export function splitRuns(text: string, chain: readonly Covers[]): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  for (const { segment } of graphemes.segment(text)) {
    let font: number;
    if (current && NEUTRAL.test(segment) && drawable(chain[current.font]!, segment)) font = current.font;
    else {
      font = chain.findIndex((covers) => drawable(covers, segment));
      if (font < 0) font = 0;
    }
    if (current && current.font === font) {
      current.text += segment;
      current.rtl ||= RTL.test(segment);
    } else {
      current = { font, text: segment, rtl: RTL.test(segment) };
      runs.push(current);
    }
  }
  return runs;
}

/**
 * The text of a right-to-left run in the order pdfkit must be given it. pdfkit lays out word by word,
 * left to right: fontkit reverses the glyphs of each right-to-left word, so every word reads correctly,
 * but the words would still stand left to right. Handing them over last word first makes the line read
 * right to left; spaces before and after the run stay where they are, since they separate it from its
 * neighbours. (A PDF stores the glyphs in the order they are drawn; pdf.js puts each right-to-left text
 * item back into reading order, which is what the tests read.) Digits and brackets inside a
 * right-to-left run are not reordered or mirrored: names do not carry them.
 */
export function drawingOrder(run: string): string {
  const [, lead = '', core = '', trail = ''] = /^(\s*)(.*?)(\s*)$/su.exec(run) ?? [];
  return lead + core.split(/(\s+)/u).reverse().join('') + trail;
}
