/**
 * The frame of every server-rendered page: in the reader's language (../language.ts) with a switch to
 * the other one, plain HTML and CSS (no script), strict Content-Security-Policy, every value escaped
 * by the `html` tag. A page given no locale is framed in both languages, Traditional Chinese first.
 */
import { bothOrChinese, type AgencyText } from '../agency-text.ts';
import { html, SafeHtml } from '../escape.ts';
import { LANG_NAMES, LANG_TAGS, say, type PageLocale } from '../language.ts';
import type { Label } from '../labels.ts';

export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const baseStyles = `
body{margin:0;font-family:"Noto Sans TC","PingFang TC","Microsoft JhengHei",system-ui,sans-serif;color:#1b1f24;background:#f5f6f8;line-height:1.6}
header{background:#12355b;color:#fff;padding:14px 24px}
header a{color:#fff;text-decoration:none;font-weight:600}
header nav{display:flex;flex-wrap:wrap;justify-content:space-between;gap:6px 16px;align-items:baseline}
header a.switch{font-weight:400;text-decoration:underline}
main{max-width:860px;margin:24px auto;background:#fff;padding:28px 32px;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.5rem;margin-top:0}
.en{color:#4a5563;font-size:.92em}
table{border-collapse:collapse;width:100%;margin:12px 0}
th,td{border:1px solid #d0d5dd;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#eef1f5}
.notice{padding:12px 16px;border-left:4px solid #12355b;background:#eef3f9;margin:16px 0}
.warn{border-left-color:#a4262c;background:#fbeeee}
.ok{border-left-color:#1e7b34;background:#ecf7ef}
button{background:#12355b;color:#fff;border:0;padding:10px 20px;font-size:1rem;border-radius:4px;cursor:pointer}
button:focus,a:focus,input:focus,textarea:focus,select:focus{outline:3px solid #f0b400;outline-offset:2px}
label{display:block;margin-top:12px;font-weight:600}
input,textarea,select{width:100%;box-sizing:border-box;padding:8px;font:inherit;border:1px solid #8a94a6;border-radius:4px}
footer{max-width:860px;margin:0 auto 32px;color:#4a5563;font-size:.85rem;padding:0 8px}
main{overflow-wrap:anywhere}
@media (max-width:600px){header{padding:12px 16px}main{margin:0;padding:16px;border-radius:0;box-shadow:none}footer{padding:12px 16px}}
`;

export interface PageOptions {
  /** Page-specific CSS, added after the frame's own in the same element (a module constant, never input). */
  styles?: string;
  /** The reader's language; the page's body is then written in it alone. */
  locale?: PageLocale;
  /** More of the header after the site's name (the workspace's: who is signed in, its navigation). */
  header?: SafeHtml;
}

export const SERVICE_NAME: Label = { zh: '政府資料收費審議與授權', en: 'Open data fee review and licensing' };
const LICENSE_NAME: Label = {
  zh: '政府資料開放授權條款－第1版',
  en: 'Open Government Data License, version 1.0',
};
const SWITCH_LABEL: Label = { zh: '切換語言', en: 'Change language' };

export function page(title: AgencyText, body: SafeHtml, options: PageOptions = {}): string {
  if (options.locale) return framed(title, body, options.locale, options.styles);
  return html`<!doctype html>
    <html lang="zh-Hant-TW">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${bothOrChinese(title, ' | ')}</title>
        <style>
          ${new SafeHtml(baseStyles + (options.styles ?? ''))}
        </style>
      </head>
      <body>
        <header>
          <a href="/">政府資料收費審議與授權 <span lang="en">Open data fees &amp; licensing</span></a>
          ${options.header ?? ''}
        </header>
        <main>
          <h1>
            ${title.zh}${title.en === undefined ? '' : html` <span class="en" lang="en">${title.en}</span>`}
          </h1>
          ${body}
        </main>
        <footer>
          政府資料開放授權條款－第1版 <span lang="en">Open Government Data License, version 1.0</span> ·
          <a href="https://data.gov.tw/license">data.gov.tw/license</a>
        </footer>
      </body>
    </html>`.value;
}

function framed(title: AgencyText, body: SafeHtml, locale: PageLocale, styles = ''): string {
  const { lang } = locale;
  const heading = say(lang)(title);
  const other = lang === 'zh' ? 'en' : 'zh';
  return html`<!doctype html>
    <html lang="${LANG_TAGS[lang]}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${heading === SERVICE_NAME[lang] ? heading : `${heading} | ${SERVICE_NAME[lang]}`}</title>
        <style>
          ${new SafeHtml(baseStyles + styles)}
        </style>
      </head>
      <body>
        <header>
          <nav aria-label="${SWITCH_LABEL[lang]}">
            <a href="/">${SERVICE_NAME[lang]}</a>
            <a
              class="switch"
              href="${locale.switchHref}"
              hreflang="${LANG_TAGS[other]}"
              lang="${LANG_TAGS[other]}"
              >${LANG_NAMES[other]}</a
            >
          </nav>
        </header>
        <main>
          <h1>${heading}</h1>
          ${body}
        </main>
        <footer>${LICENSE_NAME[lang]} · <a href="https://data.gov.tw/license">data.gov.tw/license</a></footer>
      </body>
    </html>`.value;
}
