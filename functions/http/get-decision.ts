import { ConflictError } from '#domain/errors';
import { httpHandler } from './handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';
import { DocumentQuery, storedPdf, wantsPdf } from './pdf-response.ts';
import { loadPublicProposal } from '#usecases/public-proposal';

/** The decision, its tally and each member's position by name; the PDF record on request. */
export const handler = httpHandler(
  { access: 'public', params: IdParam, query: DocumentQuery },
  async ({ params, query, headers }) => {
    const found = await loadPublicProposal(params.id);
    const { decision, review } = found.value;
    if (!decision)
      throw new ConflictError('NOT_YET_DECIDED', 'The advisory group has not decided on this proposal yet.');
    if (wantsPdf(query.format, headers.accept) && decision.pdfKey) {
      return storedPdf(decision.pdfKey, `decision-${params.id}-v${decision.version}.pdf`);
    }
    const { itemsReviewed: _items, pdfKey: _key, ...visible } = decision;
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
      pdfUrl: `/fee-proposals/${encodeURIComponent(params.id)}/decision?format=pdf`,
    });
  },
);
