// A request's language is chosen once: ?lang= (remembered in a cookie), the cookie, Accept-Language,
// Traditional Chinese otherwise; a page chosen in one language prints that one alone and links the other.
import { describe, expect, it } from 'vitest';
import { fromAcceptLanguage, requestLanguage, type LanguageSources } from '#http/language';
import { homePage, type HomePageView } from '#templates/pages/home';

const request = (overrides: Partial<LanguageSources> = {}): LanguageSources => ({
  rawPath: '/licenses/new',
  rawQueryString: 'datasetId=moi-village-boundaries',
  queryStringParameters: { datasetId: 'moi-village-boundaries' },
  headers: {},
  ...overrides,
});

describe('the language of a request', () => {
  it('is Traditional Chinese when nothing says otherwise', () => {
    expect(requestLanguage(request()).lang).toBe('zh');
  });

  it.each([
    ['en-GB,en;q=0.9', 'en'],
    ['zh-TW,zh;q=0.9,en;q=0.8', 'zh'],
    ['fr-FR,en;q=0.5,zh;q=0.4', 'en'],
    ['en;q=0.3,zh-Hant;q=0.8', 'zh'],
    ['fr, de', undefined],
    ['en;q=0', undefined],
    ['*', undefined],
  ])('follows Accept-Language %s → %s', (header, lang) => {
    expect(fromAcceptLanguage(header)).toBe(lang);
  });

  it('is expressed, for the mails, only when the caller named a language', () => {
    expect(requestLanguage(request({ headers: { 'accept-language': '*' } }))).not.toHaveProperty('expressed');
    expect(requestLanguage(request({ headers: { 'accept-language': 'zh-TW' } })).expressed).toBe('zh');
  });

  it('takes the cookie over Accept-Language, from the header locally and from `cookies` on AWS', () => {
    const headers = { 'accept-language': 'zh-TW' };
    expect(requestLanguage(request({ headers: { ...headers, cookie: 'a=1; lang=en' } })).lang).toBe('en');
    expect(requestLanguage(request({ headers, cookies: ['lang=en'] })).lang).toBe('en');
  });

  it('takes ?lang= over the cookie and remembers it; an unknown ?lang= falls through', () => {
    // Act
    const chosen = requestLanguage(
      request({
        rawQueryString: 'datasetId=moi-village-boundaries&lang=en',
        queryStringParameters: { datasetId: 'moi-village-boundaries', lang: 'en' },
        headers: { cookie: 'lang=zh', 'x-forwarded-proto': 'https' },
      }),
    );
    const unknown = requestLanguage(
      request({ queryStringParameters: { lang: 'fr' }, headers: { cookie: 'lang=en' } }),
    );
    // Assess
    expect(chosen.lang).toBe('en');
    expect(chosen.setCookie).toBe('lang=en; Path=/; Max-Age=31536000; SameSite=Lax; Secure');
    expect(unknown).toMatchObject({ lang: 'en' });
    expect(unknown.setCookie).toBeUndefined();
  });

  it('links this same page, query kept, in the other language', () => {
    expect(requestLanguage(request()).switchHref).toBe(
      '/licenses/new?datasetId=moi-village-boundaries&lang=en',
    );
    expect(requestLanguage(request({ headers: { cookie: 'lang=en' } })).switchHref).toBe(
      '/licenses/new?datasetId=moi-village-boundaries&lang=zh',
    );
  });
});

describe('a page in one language', () => {
  const view: HomePageView = {
    open: [],
    underReview: [],
    decided: [],
    links: { archive: '/archive', feed: '/feed.atom' },
    datasets: [
      {
        id: 'd',
        title: { zh: '村里界圖', en: 'Village boundaries' },
        url: '/datasets/d',
        agencyName: { zh: '內政部', en: 'Ministry of the Interior' },
        version: '2026',
        classification: 'OPEN',
      },
    ],
  };

  it('prints that language alone and offers the other one', () => {
    // Act
    const zh = homePage(view, { lang: 'zh', switchHref: '/?lang=en' });
    const en = homePage(view, { lang: 'en', switchHref: '/?lang=zh' });
    // Assess
    expect(zh).toContain('<html lang="zh-Hant-TW">');
    expect(zh).toContain('村里界圖');
    expect(zh).not.toContain('Village boundaries');
    expect(zh).toMatch(/<a\s+class="switch"\s+href="\/\?lang=en"[^>]*>\s*English\s*<\/a/);
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Village boundaries');
    expect(en).not.toMatch(/村里界圖|公開徵詢中|資料授權/);
    expect(en).toMatch(/<a\s+class="switch"\s+href="\/\?lang=zh"[^>]*>\s*中文\s*<\/a/);
  });
});
