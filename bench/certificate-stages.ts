// Where a certificate's time goes, measured inside the benchmark process only (production code is
// untouched): pdfkit's font embedding (subsetting the CJK font and writing the subset), the
// compression of every stream, the QR code's symbol, and the measuring pass that finds the scale at
// which the content fits; what is left of the render is laying out and drawing the page. Each stage
// is timed exclusive of the others nested in it (the font file's own compression counts as
// compression), so the stages add up to the render.
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { createDocument } from '#templates/pdf/layout';

export const STAGES = ['font subset and embed', 'compression', 'QR code', 'measuring pass'] as const;
export type Stage = (typeof STAGES)[number];

const spent = new Map<Stage, number>();
const open: { stage: Stage; nested: number }[] = [];

function timed<A extends unknown[], R>(stage: Stage, fn: (...args: A) => R): (...args: A) => R {
  return function (this: unknown, ...args: A): R {
    // A stage inside the same stage (pdfkit measuring through itself) counts once, at the outer call.
    if (open.some((o) => o.stage === stage)) return fn.apply(this, args);
    const started = performance.now();
    open.push({ stage, nested: 0 });
    try {
      return fn.apply(this, args);
    } finally {
      const { nested } = open.pop()!;
      const total = performance.now() - started;
      spent.set(stage, (spent.get(stage) ?? 0) + total - nested);
      if (open.length > 0) open.at(-1)!.nested += total;
    }
  };
}

/** Wraps the stages' functions; call once per process, before the first certificate. */
export function instrumentStages(): void {
  type Methods = Record<string, (...args: unknown[]) => unknown>;
  const z = zlib as unknown as Methods;
  z.deflateSync = timed('compression', z.deflateSync!);
  const qr = QRCode as unknown as Methods;
  qr.create = timed('QR code', qr.create!);
  const doc = PDFDocument.prototype as unknown as Methods;
  doc.heightOfString = timed('measuring pass', doc.heightOfString!);
  // The embedded font's class is pdfkit's own (not exported): taken from a document that uses it.
  const probe = createDocument({ id: 'stages', title: '', subject: '', author: '', date: new Date(0) });
  const font = (probe as unknown as { _font: object })._font;
  const embedded = Object.getPrototypeOf(font) as Methods;
  embedded.embed = timed('font subset and embed', embedded.embed!);
}

/** The stages' time since the last call, in ms, and starts counting afresh. */
export function takeStages(): Record<Stage, number> {
  const taken = Object.fromEntries(STAGES.map((s) => [s, spent.get(s) ?? 0])) as Record<Stage, number>;
  spent.clear();
  return taken;
}
