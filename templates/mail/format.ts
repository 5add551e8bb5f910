/**
 * How a mail picks its language, and its rendered shape (money comes from ../format.ts, dates and
 * times from ../taipei-time.ts; the language rule is in ../language.ts).
 */
import type { Lang } from '../language.ts';

export interface RenderedMail {
  subject: string;
  text: string;
  html?: string;
}

/**
 * A mail written in both languages, sent in one: the recipient's (`lang`, stored with what they
 * did), or — for someone who never chose, or a record from before the choice was kept — both,
 * Traditional Chinese first. A mail template writes `{ zh: {subject, text}, en: {subject, text} }`
 * and returns `mailIn(input.lang, …)`.
 */
export function mailIn(lang: Lang | undefined, mail: Record<Lang, RenderedMail>): RenderedMail {
  if (lang) return mail[lang];
  return {
    subject: `${mail.zh.subject} / ${mail.en.subject}`,
    text: `${mail.zh.text.trimEnd()}\n\n---\n${mail.en.text}`,
  };
}
