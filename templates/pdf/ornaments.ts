// Vector ornaments for the certificate: a double frame with corner brackets and a seal-like mark. Drawn
// with shapes and the document font, so the PDF needs no image files.
import { COLOR } from './layout.ts';

/** Double frame around the whole page, as on printed certificates. */
export function drawFrame(doc: PDFKit.PDFDocument): void {
  const { width, height } = doc.page;
  doc
    .lineWidth(2.4)
    .strokeColor(COLOR.accent)
    .rect(24, 24, width - 48, height - 48)
    .stroke();
  doc
    .lineWidth(0.6)
    .rect(30, 30, width - 60, height - 60)
    .stroke();
  const inset = 36;
  const arm = 18;
  const corners: [number, number, number, number][] = [
    [inset, inset, 1, 1],
    [width - inset, inset, -1, 1],
    [inset, height - inset, 1, -1],
    [width - inset, height - inset, -1, -1],
  ];
  doc.lineWidth(1.2);
  for (const [x, y, dx, dy] of corners) {
    doc
      .moveTo(x + dx * arm, y)
      .lineTo(x, y)
      .lineTo(x, y + dy * arm)
      .stroke();
  }
}

/**
 * A square seal reading 授權證明 ("license certified") in the traditional order: columns right to left,
 * each top to bottom. Slightly rotated, as a hand-applied stamp would be.
 */
export function drawSeal(doc: PDFKit.PDFDocument, x: number, y: number, size: number): void {
  const cx = x + size / 2;
  const cy = y + size / 2;
  doc.save();
  doc.rotate(-4, { origin: [cx, cy] });
  doc.lineWidth(2.2).strokeColor(COLOR.seal).roundedRect(x, y, size, size, 3).stroke();
  doc
    .lineWidth(0.6)
    .rect(x + 4, y + 4, size - 8, size - 8)
    .stroke();
  const cell = (size - 12) / 2;
  const glyph = cell * 0.86;
  const columns = [
    ['授', '權'],
    ['證', '明'],
  ];
  doc.fillColor(COLOR.seal).strokeColor(COLOR.seal).lineWidth(0.5).fontSize(glyph);
  columns.forEach((column, c) => {
    const colX = x + size - 6 - (c + 1) * cell;
    column.forEach((char, r) => {
      // The glyph box is about 1.45 em tall with the ink centred slightly high; nudge it into the cell.
      const rowY = y + 6 + r * cell + (cell - glyph * 1.45) / 2 + glyph * 0.06;
      // Stroked as well as filled: the only weight available is Regular, and seal script is heavy.
      doc.text(char, colX, rowY, {
        width: cell,
        align: 'center',
        lineBreak: false,
        fill: true,
        stroke: true,
      });
    });
  });
  doc.restore();
}
