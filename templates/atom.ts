/**
 * The Atom feed (RFC 4287) of consultations and decisions, for feed readers: one entry per
 * consultation opened and per decision published, in the reader's language, each linking its page.
 * Written by hand: the format is a handful of elements, every value escaped as in the pages.
 */
import { inEnglish, type AgencyText } from './agency-text.ts';
import { escapeHtml as x } from './escape.ts';
import type { Lang } from './language.ts';
import { LANG_TAGS } from './language.ts';
import { taipeiMoment, utcInstant } from './taipei-time.ts';
import { SERVICE_NAME } from './pages/layout.ts';
import { OUTCOME_LABELS, type Label } from './labels.ts';
import type { DecisionOutcome } from '#domain/records';

export type FeedEntry =
  | { kind: 'CONSULTATION'; key: string; title: AgencyText; at: string; closesAt: string; path: string }
  | { kind: 'DECISION'; key: string; title: AgencyText; at: string; outcome: DecisionOutcome; path: string };

const FEED_TITLE: Label = {
  zh: '收費基準公開徵詢與審議結果',
  en: 'Fee schedule consultations and decisions',
};

function entryText(entry: FeedEntry, lang: Lang): { title: string; summary: string } {
  if (entry.kind === 'CONSULTATION') {
    const closes = taipeiMoment(entry.closesAt)[lang];
    return lang === 'zh'
      ? { title: `公開徵詢：${entry.title.zh}`, summary: `歡迎提出意見，截止時間 ${closes}。` }
      : {
          title: `Open for comment: ${inEnglish(entry.title)}`,
          summary: `Comments are welcome until ${closes}.`,
        };
  }
  const outcome = OUTCOME_LABELS[entry.outcome][lang];
  return lang === 'zh'
    ? { title: `審議結果：${entry.title.zh}`, summary: `資料開放諮詢小組決議：${outcome}。` }
    : { title: `Decision: ${inEnglish(entry.title)}`, summary: `The advisory group’s decision: ${outcome}.` };
}

/** `baseUrl`: the service's absolute address (entries need absolute ids and links). */
export function atomFeed(entries: FeedEntry[], lang: Lang, baseUrl: string, selfPath: string): string {
  const updated = entries[0]?.at ?? '1970-01-01T00:00:00Z';
  const items = entries.map((entry) => {
    const { title, summary } = entryText(entry, lang);
    return `  <entry>
    <id>${x(baseUrl + entry.key)}</id>
    <title>${x(title)}</title>
    <updated>${utcInstant(entry.at)}</updated>
    <link rel="alternate" type="text/html" href="${x(baseUrl + entry.path)}"/>
    <summary>${x(summary)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${LANG_TAGS[lang]}">
  <id>${x(baseUrl + selfPath)}</id>
  <title>${x(FEED_TITLE[lang])}</title>
  <updated>${utcInstant(updated)}</updated>
  <author><name>${x(SERVICE_NAME[lang])}</name></author>
  <link rel="self" type="application/atom+xml" href="${x(baseUrl + selfPath)}"/>
  <link rel="alternate" type="text/html" href="${x(baseUrl + '/archive')}"/>
${items.join('\n')}
</feed>
`;
}
