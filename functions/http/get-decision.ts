import * as z from '#domain/zod';
import { ConflictError, NotFoundError } from '#domain/errors';
import { decisionDocuments } from '#usecases/decision-documents';
import { pagePaths } from '#usecases/page-paths';
import { loadPublicProposal } from '#usecases/public-proposal';
import { httpGetHandler } from './handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';
import { DocumentQuery, storedPdf, wantsPdf } from './pdf-response.ts';

/** `?revision=n` asks for that revision of the record (0: as first published); without it, the latest. */
const DecisionQuery = z.extend(DocumentQuery, {
  revision: z.optional(z.coerce.number().check(z.int(), z.gte(0), z.lte(100))),
});

/**
 * The decision, its tally and each member's position by name; the PDF record on request. The record
 * is re-issued as a new revision after each step of 規費法 §10 (decision-revisions.ts): the JSON lists
 * every revision with its hash, the PDF link gives the latest, and each earlier one stays fetchable.
 */
export const handler = httpGetHandler(
  { access: 'public', params: IdParam, query: DecisionQuery },
  async ({ params, query, headers }) => {
    const found = await loadPublicProposal(params.id);
    const { decision, review } = found.value;
    if (!decision)
      throw new ConflictError('NOT_YET_DECIDED', 'The advisory group has not decided on this proposal yet.');
    const documents = decisionDocuments(decision);
    const latest = documents.at(-1);
    if (wantsPdf(query.format, headers.accept) && latest) {
      const wanted = query.revision === undefined ? latest : documents[query.revision];
      if (!wanted) throw new NotFoundError('Decision record revision', String(query.revision));
      return storedPdf(
        wanted.pdfKey,
        `decision-${params.id}-v${decision.version}${wanted.revision > 0 ? `-r${wanted.revision}` : ''}.pdf`,
      );
    }
    const { itemsReviewed: _items, pdfKey: _key, revisions: _revisions, ...visible } = decision;
    return json(200, {
      proposalId: params.id,
      status: found.value.status,
      ...visible,
      group: review
        ? {
            id: review.groupId,
            name: review.groupName,
            deadline: review.deadline,
            extensions: review.extensions,
          }
        : undefined,
      /** The steps of 規費法 §10 recorded after a favourable vote, and the effective date they fixed. */
      feeLawSteps: found.value.feeLawSteps ?? [],
      ...(decision.outcome === 'APPROVED' ? { effectiveFrom: found.value.effectiveFrom } : {}),
      /** The latest revision of the record, and its hash. */
      pdfUrl: pagePaths.decisionPdf(params.id),
      ...(latest ? { pdfSha256: latest.pdfSha256 } : {}),
      /** Every revision as issued: 0 with the decision, then one after each step of 規費法 §10. */
      revisions: documents.map(({ pdfKey: _pdf, ...revision }) => ({
        ...revision,
        pdfUrl: pagePaths.decisionPdfRevision(params.id, revision.revision),
      })),
    });
  },
);
