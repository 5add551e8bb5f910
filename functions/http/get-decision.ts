import * as z from 'zod';
import { ConflictError, NotFoundError } from '#domain/errors';
import { proposalRepository } from '#ports/proposal-repository';
import { blobStore } from '#ports/adapters';
import { httpHandler } from './handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';

const Query = z.object({ format: z.enum(['json', 'pdf']).optional() });

/** The decision, its tally and each member's position by name; the PDF record on request. */
export const handler = httpHandler(
  { access: 'public', params: IdParam, query: Query },
  async ({ params, query, headers }) => {
    const found = await proposalRepository.get(params.id);
    if (!found || found.value.status === 'DRAFT') throw new NotFoundError('Fee proposal', params.id);
    const { decision, review } = found.value;
    if (!decision)
      throw new ConflictError('NOT_YET_DECIDED', 'The advisory group has not decided on this proposal yet.');
    const wantsPdf =
      query.format === 'pdf' ||
      (query.format === undefined && (headers.accept ?? '').includes('application/pdf'));
    if (wantsPdf && decision.pdfKey) {
      const blob = await (await blobStore()).get(decision.pdfKey);
      if (!blob) throw new NotFoundError('Decision record PDF', decision.pdfKey);
      return {
        status: 200,
        body: blob.bytes,
        contentType: 'application/pdf',
        headers: {
          'content-disposition': `inline; filename="decision-${params.id}-v${decision.version}.pdf"`,
        },
      };
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
      pdfUrl: `/fee-proposals/${encodeURIComponent(params.id)}/decision?format=pdf`,
    });
  },
);
