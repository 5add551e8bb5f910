// Text in any script a name may be written in, on every PDF: a document's text, height and width
// functions are wrapped so that a string Noto Sans Hant cannot wholly draw is split into runs
// (font-runs.ts), each drawn with the first font of the chain that has it (font-files.ts), in sequence
// as pdfkit's continued text. Continued text is how pdfkit mixes fonts in one paragraph: its line
// wrapper measures each run in its own font and wraps them as one text, so wrapping, links and the text
// layer (each run a text item, in order) come out as for one font. Wrapping the document's own methods
// means every template, table and field gets the chain without calling anything new; text the primary
// font draws alone (nearly all of it) goes straight to pdfkit, unchanged byte for byte.
import type { Font } from 'fontkit';
import { fallbackFont } from './fallback-fonts.ts';
import { FALLBACK_FONTS } from './font-files.ts';
import { drawingOrder, drawnByFirst, remembered, splitRuns, type Covers, type Run } from './font-runs.ts';
import { CJK_FONT, cjkFont } from './fonts.ts';

type Options = PDFKit.Mixins.TextOptions;
type Doc = PDFKit.PDFDocument;
/** pdfkit internals used here (not in @types/pdfkit): the current embedded font and the text loop. */
interface DocInternals {
  _font?: { font?: unknown };
  _lineGap?: number;
  _text(text: string, x: unknown, y: unknown, options: unknown, lineCallback: () => void): Doc;
}

const fallbackName = (index: number) => `Fallback${index}`;

let coverage: Covers[] | undefined;

/**
 * The chain as coverage tests: the primary first, then each fallback, parsed only when first asked.
 * One for the process, as the fonts are, each answer remembered (font-runs.ts).
 */
function chain(): Covers[] {
  if (coverage) return coverage;
  const primary = cjkFont();
  coverage = [
    remembered((cp) => primary.hasGlyphForCodePoint(cp)),
    ...FALLBACK_FONTS.map((_, i) => remembered((cp: number) => fallbackFont(i).hasGlyphForCodePoint(cp))),
  ];
  return coverage;
}

/** Whether Noto Sans Hant draws all of `text`, so that the chain hands it to pdfkit as it is. */
export const drawnByPrimary = (text: string): boolean => drawnByFirst(text, chain()[0]!);

/** Wraps `doc`'s text, heightOfString and widthOfString (see the top of this file). */
export function useFontChain(doc: Doc): void {
  const inner = doc as unknown as DocInternals;
  const primary = cjkFont();
  const covers = chain();
  const registered = new Set<number>();
  const text = doc.text.bind(doc);
  const heightOfString = doc.heightOfString.bind(doc);
  const widthOfString = doc.widthOfString.bind(doc);
  let busy = false;

  /** The runs of `value` when it needs more than the primary font, else undefined. */
  const runsOf = (value: unknown): Run[] | undefined => {
    // Inside a run, or with another font current, pdfkit's own methods apply as they are.
    if (busy || typeof value !== 'string' || inner._font?.font !== primary) return undefined;
    if (drawnByFirst(value, covers[0]!)) return undefined;
    const runs = splitRuns(value, covers);
    return runs.length === 1 && runs[0]!.font === 0 ? undefined : runs;
  };
  const select = (font: number) => {
    if (font === 0) return doc.font(CJK_FONT);
    const name = fallbackName(font - 1);
    if (!registered.has(font)) {
      // pdfkit takes a parsed fontkit Font (see useCjkFont); @types/pdfkit lists only files and bytes.
      doc.registerFont(name, fallbackFont(font - 1) as Font as unknown as Uint8Array);
      registered.add(font);
    }
    return doc.font(name);
  };
  /**
   * Hands the runs over one piece after another, as one continued text, then returns to the primary
   * font. A right-to-left run goes word by word, its spaces as pieces of their own: pdfkit's words
   * carry their trailing space, which fontkit would turn to the left end along with the letters.
   */
  const each = (runs: Run[], step: (piece: string, i: number, last: boolean) => void) => {
    const pieces = runs.flatMap((run) =>
      (run.rtl ? drawingOrder(run.text).split(/(\s+)/u) : [run.text])
        .filter((piece) => piece !== '')
        .map((piece) => ({ font: run.font, piece })),
    );
    busy = true;
    try {
      pieces.forEach(({ font, piece }, i) => {
        select(font);
        step(piece, i, i === pieces.length - 1);
      });
    } finally {
      doc.font(CJK_FONT);
      busy = false;
    }
  };
  const width = (runs: Run[], options?: Options) => {
    let sum = 0;
    let count = 0;
    each(runs, (piece) => {
      sum += widthOfString(piece, options);
      count++;
    });
    // Each piece's width counts the spacing between its own characters only; add that between pieces.
    return sum + (options?.characterSpacing ?? 0) * (count - 1);
  };

  doc.widthOfString = ((value: string, options?: Options) => {
    const runs = runsOf(value);
    return runs ? width(runs, options) : widthOfString(value, options);
  }) as Doc['widthOfString'];

  doc.heightOfString = ((value: string, options?: Options) => {
    const runs = runsOf(value);
    // Without wrapping the height is the line count times the line height, the same in every font
    // of the chain (fallback-fonts.ts gives them the primary's metrics).
    if (!runs || options?.lineBreak === false) return heightOfString(value, options);
    // As pdfkit's heightOfString, with the runs wrapped as one continued text.
    const { x, y } = doc;
    const lineGap = options?.lineGap ?? inner._lineGap ?? 0;
    const advance = () => {
      doc.y += doc.currentLineHeight(true) + lineGap;
    };
    each(runs, (run, i, last) => {
      const runOptions = { ...options, height: Infinity, continued: !last };
      if (i === 0) inner._text(run, x, y, runOptions, advance);
      else inner._text(run, runOptions, undefined, undefined, advance);
    });
    const height = doc.y - y;
    doc.x = x;
    doc.y = y;
    return height;
  }) as Doc['heightOfString'];

  doc.text = ((value: string, x?: number | Options, y?: number, options?: Options) => {
    const runs = runsOf(value);
    if (!runs) return text(value, x as number, y as number, options);
    if (typeof x === 'object') {
      options = x;
      x = undefined;
    }
    const startX = x ?? doc.x;
    let drawX = startX;
    let drawOptions: Options = { ...options };
    // pdfkit aligns each piece of continued text within what is left of the line, so a centred or
    // right-aligned mixed line is placed here by its whole width and drawn left-aligned. A line that
    // wraps is left-aligned.
    const align = options?.align;
    if ((align === 'center' || align === 'right') && options?.width !== undefined && !value.includes('\n')) {
      const room = options.width - width(runs, options);
      if (room >= 0) {
        drawX += align === 'center' ? room / 2 : room;
        drawOptions = { ...options, align: 'left', width: options.width - (drawX - startX) };
      }
    } else if (align === 'justify') drawOptions = { ...options, align: 'left' };
    each(runs, (run, i, last) => {
      const runOptions = { ...drawOptions, continued: last ? options?.continued : true };
      if (i === 0) text(run, drawX, y as number, runOptions);
      else text(run, runOptions);
    });
    if (!options?.continued) doc.x = startX;
    return doc;
  }) as Doc['text'];
}
