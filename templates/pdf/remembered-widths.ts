// Each word's width measured once per document. pdfkit's line wrapper measures every word of every
// text it draws or measures, and remembers the widths only until that text is done: a report of
// 10,000 comments measures the same few thousand characters and words again for each comment, and
// the running title and footer of each of its 55,000 pages word by word.
//
// Written out here rather than taken from a cache library: what is remembered is one number per word
// for one document, dropped when the document ends, and the bound is a count of entries that empties
// the whole memo when passed (a long report of ever-new words then measures as pdfkit would, no
// slower); a general cache would add a dependency to every PDF bundle and a recency list to keep up
// on each of the millions of look-ups, for nothing this needs.

/** Words remembered per document before the memo starts again empty. */
export const REMEMBERED_WIDTHS = 50_000;

/** pdfkit internals read here (not in @types/pdfkit): the current embedded font and size. */
interface DocState {
  _font?: object;
  _fontSize: number;
}

/** What pdfkit's widthOfString reads of its options (horizontalScaling is not in @types/pdfkit). */
type WidthOptions = { features?: unknown; characterSpacing?: number; horizontalScaling?: number };

/**
 * Makes `doc.widthOfString` (pdfkit's own: call before anything wraps it) answer a string it has
 * measured before from memory. pdfkit computes the width from the string, the current font and size,
 * and the options' characterSpacing and horizontalScaling (font features are laid out anew, so a call
 * naming any is passed through); the memo is keyed by exactly those, so it gives the number pdfkit
 * would. Returns how many words it holds (for tests).
 */
export function rememberWidths(doc: PDFKit.PDFDocument, limit = REMEMBERED_WIDTHS): () => number {
  const state = doc as unknown as DocState;
  const measure = doc.widthOfString.bind(doc);
  // Font → "size spacing scaling" → string → width; the last setting asked is kept at hand, since
  // a line wrapper asks for one word after another in the same one.
  const fonts = new Map<object, Map<string, Map<string, number>>>();
  let held = 0;
  let last:
    { font: object; size: number; spacing: number; scaling: number; widths: Map<string, number> } | undefined;

  const widthsFor = (font: object, size: number, spacing: number, scaling: number) => {
    if (
      last &&
      last.font === font &&
      last.size === size &&
      last.spacing === spacing &&
      last.scaling === scaling
    ) {
      return last.widths;
    }
    let settings = fonts.get(font);
    if (!settings) fonts.set(font, (settings = new Map()));
    const setting = `${size} ${spacing} ${scaling}`;
    let widths = settings.get(setting);
    if (!widths) settings.set(setting, (widths = new Map()));
    last = { font, size, spacing, scaling, widths };
    return widths;
  };
  const forget = () => {
    fonts.clear();
    last = undefined;
    held = 0;
  };

  doc.widthOfString = ((text: string, options?: WidthOptions) => {
    const font = state._font;
    if (!font || options?.features) return measure(text, options as PDFKit.Mixins.TextOptions);
    // Read as pdfkit reads them (`|| 0`, `|| 100`), so that settings it treats alike share one entry.
    const spacing = options?.characterSpacing || 0;
    const scaling = options?.horizontalScaling || 100;
    const widths = widthsFor(font, state._fontSize, spacing, scaling);
    let width = widths.get(text);
    if (width === undefined) {
      width = measure(text, options as PDFKit.Mixins.TextOptions);
      if (held >= limit) forget();
      widthsFor(font, state._fontSize, spacing, scaling).set(text, width);
      held += 1;
    }
    return width;
  }) as PDFKit.PDFDocument['widthOfString'];

  doc.once('end', forget);
  return () => held;
}
