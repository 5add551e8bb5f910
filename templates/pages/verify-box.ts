/**
 * The box where a person types a certificate number to verify it (home page, verify page, and the
 * page of a number not found). A GET form to `/verify`, which sends the browser on to that number's
 * verify page: no script needed, and the page's address names the certificate.
 */
import { html, type SafeHtml } from '../escape.ts';
import type { Lang } from '../language.ts';
import { tr } from './parts.ts';

export const VERIFY_BOX_STYLES = `
.verify-box{display:flex;flex-wrap:wrap;gap:8px 12px;align-items:flex-end;margin:12px 0}
.verify-box div{flex:1 1 14em}
.verify-box label{margin-top:0}
`;

/** `lang`: the page's language; none on a page still written in both. */
export function verifyBox(lang?: Lang): SafeHtml {
  return html`<form class="verify-box" method="get" action="/verify" role="search">
    <div>
      <label for="verify-number">${tr({ zh: '授權證明書編號', en: 'Certificate number' }, lang)}</label>
      <input
        id="verify-number"
        name="number"
        required
        maxlength="64"
        autocomplete="off"
        spellcheck="false"
        placeholder="OGDL-2027-000001"
      />
    </div>
    <button type="submit">${tr({ zh: '驗證', en: 'Verify' }, lang)}</button>
  </form>`;
}
