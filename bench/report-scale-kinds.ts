// What part 6 (bench/report-scale.ts, a child process) measures, shared with the parent and the table.
import { COMMENT_LIMITS } from '#domain/consultation';

/** The most comments a consultation round takes. */
export const REPORT_COMMENTS = COMMENT_LIMITS.perRound;

export type ReportScaleKind = 'short' | 'long';

export interface ReportScaleResult {
  kind: ReportScaleKind;
  comments: number;
  commentChars: number;
  seedMs: number;
  publishMs: number;
  rssBeforeMb: number;
  peakRssMb: number;
  pdfBytes: number;
  pdfPages: number;
}
