/**
 * The language a person reads the service in: Traditional Chinese (the default) or English.
 *
 * How it works, for pages and mails alike:
 * - The HTTP layer chooses once per request (functions/http/language.ts: `?lang=`, then the `lang`
 *   cookie the switch sets, then `Accept-Language`, else Traditional Chinese) and hands the handler
 *   a `PageLocale`; the handler passes it to the page template.
 * - A template writes every text as a `Label` ({zh, en}) and prints `label[lang]` (or `say(lang)`),
 *   so one language reaches the page. PDFs and texts the law wants in both stay bilingual.
 * - A mail goes out in the language its recipient chose when they acted: the use case that records
 *   the action (a comment, a license request) stores `lang` with it, and the mail template takes
 *   that `lang` and returns the subject and text in it (`mailIn` in mail/format.ts). A mail to someone
 *   who never chose (an agency, a member) stays bilingual.
 */
import { inEnglish, type AgencyText } from './agency-text.ts';
import type { Lang } from '#domain/common';

export type { Lang };

export const LANGS: readonly Lang[] = ['zh', 'en'];
export const DEFAULT_LANG: Lang = 'zh';

/** The BCP 47 tag of each language, for `<html lang>` and `Content-Language`. */
export const LANG_TAGS: Record<Lang, string> = { zh: 'zh-Hant-TW', en: 'en' };

/** How the switch names the other language, in that language. */
export const LANG_NAMES: Record<Lang, string> = { zh: '中文', en: 'English' };

export const isLang = (value: unknown): value is Lang => value === 'zh' || value === 'en';

/** What a page needs to speak its reader's language and offer the other one. */
export interface PageLocale {
  lang: Lang;
  /** This same page (path and query) in the other language: `?lang=` added or replaced. */
  switchHref: string;
}

/**
 * `say(lang)(text)`: the text in that language. A text the agency wrote may lack English
 * (../agency-text.ts): an English page then shows its Chinese rather than a blank.
 */
export const say =
  (lang: Lang) =>
  (text: AgencyText): string =>
    lang === 'en' ? inEnglish(text) : text.zh;

/**
 * A form's action in the language of the page it is on: the post then answers (and whatever it leads
 * to is read) in that language, whether or not the browser kept the switch's cookie.
 */
export const inLanguage = (path: string, lang: Lang): string =>
  `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
