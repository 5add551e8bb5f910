/** GET /: the home page, with the consultations open for comment and the datasets to license. */
import { homePageView } from '#usecases/home-page-view';
import { homePage } from '#templates/pages/home';
import { httpGetHandler } from './handler.ts';
import { pageResult } from './page-result.ts';

export const handler = httpGetHandler({ access: 'public' }, async ({ locale }) =>
  pageResult(200, homePage(await homePageView(), locale)),
);
