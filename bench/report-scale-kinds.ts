// What part 6 (bench/report-scale.ts, a child process) measures, shared with the parent and the table.
import { COMMENT_LIMITS } from '#domain/consultation';

/** The most comments a consultation round takes. */
export const REPORT_COMMENTS = COMMENT_LIMITS.perRound;
/** The small round the pages at REPORT_COMMENTS are compared with. */
export const BASELINE_COMMENTS = 10;

export type ReportScaleKind = 'short' | 'long';

export interface ReportScaleResult {
  kind: ReportScaleKind;
  comments: number;
  commentChars: number;
  seedMs: number;
  /** GET /consultations/{id} (HTML) while open, p50 of 40 sequential requests. */
  commentPageP50Ms: number;
  /** GET /fee-proposals/{id}/comments (first JSON page), likewise. */
  commentsJsonP50Ms: number;
  publishMs: number;
  rssBeforeMb: number;
  peakRssMb: number;
  pdfBytes: number;
  pdfPages: number;
}
