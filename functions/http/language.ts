/**
 * The one place a request's language is chosen (see templates/language.ts for how pages and mails
 * use it): `?lang=zh|en` (the switch's link) wins and is remembered in the `lang` cookie for a year,
 * so that every link followed afterwards stays in that language; then the cookie; then the
 * browser's `Accept-Language`; Traditional Chinese otherwise. An unknown `?lang=` is a preference
 * the service cannot meet, so it falls through to the next source rather than failing the page.
 */
import { DEFAULT_LANG, isLang, LANGS, type Lang, type PageLocale } from '#templates/language';
import type { HttpEvent } from './types.ts';

export const LANG_COOKIE = 'lang';
const COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

export interface RequestLanguage extends PageLocale {
  /** The `Set-Cookie` value that remembers a choice made by `?lang=` (absent otherwise). */
  setCookie?: string;
  /**
   * The language as the caller expressed it (by any of the three): recorded with what they do, for
   * the mails about it. A caller who names neither language gets the default page but mails in both.
   */
  expressed?: Lang;
}

/** The parts of a request the choice reads (an HTTP API event has them all). */
export type LanguageSources = Pick<
  HttpEvent,
  'rawPath' | 'rawQueryString' | 'headers' | 'queryStringParameters' | 'cookies'
>;

export function requestLanguage(event: LanguageSources): RequestLanguage {
  const asked = event.queryStringParameters?.lang;
  const fromQuery = isLang(asked) ? asked : undefined;
  const expressed = fromQuery ?? fromCookie(event) ?? fromAcceptLanguage(event.headers?.['accept-language']);
  const lang = expressed ?? DEFAULT_LANG;
  return {
    lang,
    ...(expressed ? { expressed } : {}),
    switchHref: switchHref(event, lang === 'zh' ? 'en' : 'zh'),
    ...(fromQuery
      ? {
          setCookie: `${LANG_COOKIE}=${fromQuery}; Path=/; Max-Age=${COOKIE_MAX_AGE_S}; SameSite=Lax${secure(event) ? '; Secure' : ''}`,
        }
      : {}),
  };
}

/** Only the local runtime answers over plain HTTP, where a browser would drop a `Secure` cookie. */
const secure = (event: LanguageSources) => (event.headers?.['x-forwarded-proto'] ?? 'https') === 'https';

function fromCookie(event: LanguageSources): Lang | undefined {
  // HTTP API payload v2 moves the Cookie header to `cookies`; the local runtime keeps the header.
  const pairs = event.cookies ?? (event.headers?.cookie ?? '').split(';');
  for (const pair of pairs) {
    const [name, value] = pair.trim().split('=');
    if (name === LANG_COOKIE && isLang(value)) return value;
  }
  return undefined;
}

/**
 * The first supported language by the header's q-values (`zh-TW`, `zh-Hant`, `zh` → zh; `en-*` →
 * en); none when the header names neither (or only `*`, which fetch clients send by default).
 */
export function fromAcceptLanguage(header: string | undefined): Lang | undefined {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { primary: tag.toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    const lang = LANGS.find((l) => l === entry.primary);
    if (lang) return lang;
  }
  return undefined;
}

/** The request's own path and query with `lang` set to `to`, as a root-relative link. */
function switchHref(event: LanguageSources, to: Lang): string {
  const query = new URLSearchParams(event.rawQueryString ?? '');
  query.set('lang', to);
  return `${event.rawPath ?? '/'}?${query.toString()}`;
}
