/** GET /datasets/{id}/fee-schedules: the dataset's schedule in force, the next one and its history, as a page. */
import { feeSchedulesView } from '#usecases/fee-schedules-view';
import { feeSchedulesPage } from '#templates/pages/dataset-fee-schedules';
import { NOT_FOUND_SUBJECTS } from '#templates/pages/not-found';
import { httpGetHandler } from './handler.ts';
import { pageErrors } from './page-errors.ts';
import { pageResult } from './page-result.ts';
import { IdParam } from './path-params.ts';

export const handler = httpGetHandler(
  {
    access: 'public',
    params: IdParam,
    pageErrors: pageErrors({ audience: 'everyone', notFound: NOT_FOUND_SUBJECTS.dataset }),
  },
  async ({ params, locale }) => pageResult(200, feeSchedulesPage(await feeSchedulesView(params.id), locale)),
);
