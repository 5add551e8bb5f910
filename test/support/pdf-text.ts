// Reads the text of a PDF back for assertions, with pdfjs-dist's Node (legacy) build. Do not load
// pdf-parse in the same process: the two bundle different pdfjs workers and clash.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

/** One string per page: items on the same line are concatenated, lines are separated by "\n". */
export async function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  // pdfjs takes ownership of (detaches) the array it is given, so hand it a copy.
  const task = getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false });
  const document = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      let lastY: number | undefined;
      for (const item of content.items) {
        if (!('str' in item)) continue; // marked-content boundaries carry no text
        const { str, transform, hasEOL } = item as TextItem;
        const y = transform[5] as number;
        if (lastY !== undefined && Math.abs(y - lastY) > 1 && !text.endsWith('\n')) text += '\n';
        text += str;
        if (hasEOL && !text.endsWith('\n')) text += '\n';
        lastY = y;
      }
      pages.push(text);
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** The whole document's text, pages separated by a form feed. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  return (await pdfPageTexts(pdf)).join('\n\f\n');
}

/** Drops all white space, so text wrapped at any point still matches the string it came from. */
export const squash = (text: string): string => text.replace(/\s+/g, '');
