/**
 * GET /archive: every public proposal, newest first, searched by text, agency and dataset and
 * filtered by status and year (a GET form: empty fields mean "all"), a page at a time.
 */
import * as z from '#domain/zod';
import { ProposalStatusSchema } from '#domain/fee-proposal';
import { archivePageView } from '#usecases/archive-page-view';
import { archivePage } from '#templates/pages/archive';
import { httpGetHandler } from './handler.ts';
import { pageResult } from './page-result.ts';

/** A form's empty field is no filter. */
const optional = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(
    z.transform((v: unknown) => (v === '' ? undefined : v)),
    z.optional(schema),
  );

const Query = z.object({
  q: optional(z.string().check(z.maxLength(200))),
  agencyId: optional(z.string().check(z.maxLength(200))),
  datasetId: optional(z.string().check(z.maxLength(200))),
  status: optional(ProposalStatusSchema),
  year: optional(z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100))),
  cursor: optional(z.string().check(z.maxLength(4000))),
});

export const handler = httpGetHandler({ access: 'public', query: Query }, async ({ query, locale }) =>
  pageResult(200, archivePage(await archivePageView(query), locale)),
);
