/**
 * The skeleton of the two reports on a proposal version, the consultation report and the decision
 * record: the document with its metadata and font (createDocument, which the certificate's single
 * designed page is built on too), the header band, the running title and footer of every page, and
 * the rows that name the proposal. Both say who issued them, which proposal version and which edition
 * (a round, a revision) the same way, from here.
 */
import { bothOrChinese, type AgencyText } from '../agency-text.ts';
import type { Label } from '../labels.ts';
import { parseDate } from '../taipei-time.ts';
import {
  createDocument,
  headerBand,
  pageFurniture,
  streamingPageFurniture,
  type KeyValueRow,
  type PageFurniture,
} from './layout.ts';

export interface ReportSkeleton {
  /** What the document is ('decision-record', …): with the proposal version and edition, its file ID. */
  kind: string;
  title: Label;
  proposal: { id: string; version: number; title: AgencyText };
  /** Who issued it (the agency, the advisory group): in the header band and every footer. */
  issuer: Label;
  /** Which of the version's documents this is: in the file ID, the header band and the short name. */
  edition?: { id: string; header: string; short: string };
  /** The instant that dates the file (its creation date). */
  date: string;
  /** The footer's last words: the moment the report stands for, named. */
  footerMoment: string;
  /** A document of unbounded length writes each page out as the next starts (layout.ts). */
  streamPages?: boolean;
}

/** Starts the report with its header band; `finish` ends it (after the last words are written). */
export function startReport(spec: ReportSkeleton): { doc: PDFKit.PDFDocument; finish: () => void } {
  const { proposal, issuer, edition } = spec;
  const name = `${proposal.id} v${proposal.version}${edition?.short ?? ''}`;
  const doc = createDocument({
    id: `${spec.kind}:${proposal.id}:v${proposal.version}${edition?.id ?? ''}`,
    title: `${spec.title.zh} ${spec.title.en} — ${proposal.title.zh}`,
    subject: name,
    author: issuer.zh,
    date: parseDate(spec.date),
    streamPages: spec.streamPages,
  });
  const furniture: PageFurniture = {
    runningTitle: `${spec.title.zh} ${spec.title.en} · ${proposal.title.zh} · ${name}`,
    footerLeft: `${issuer.zh} · ${name} · ${spec.footerMoment}`,
  };
  if (spec.streamPages) streamingPageFurniture(doc, furniture);
  headerBand(
    doc,
    spec.title,
    `${issuer.zh} ${issuer.en} · 提案 Proposal ${proposal.id} · ` +
      `第 ${proposal.version} 版 Version ${proposal.version}${edition?.header ?? ''}`,
  );
  return {
    doc,
    finish: () => {
      if (!spec.streamPages) pageFurniture(doc, furniture);
      doc.end();
    },
  };
}

/** The rows that name the proposal a report is about: its schedule's title, agency, id and version. */
export const proposalRows = (proposal: {
  id: string;
  version: number;
  title: AgencyText;
  agencyName: Label;
}): KeyValueRow[] => [
  { label: { zh: '收費基準名稱', en: 'Fee schedule' }, value: bothOrChinese(proposal.title, '\n') },
  { label: { zh: '提案機關', en: 'Agency' }, value: `${proposal.agencyName.zh}\n${proposal.agencyName.en}` },
  {
    label: { zh: '提案編號／版次', en: 'Proposal / version' },
    value: `${proposal.id} · v${proposal.version}`,
  },
];
