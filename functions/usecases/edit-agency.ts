/**
 * Edit a registered agency (the operator console's edit page): its names and its contact e-mail.
 * 1. the agency must be registered;
 * 2. its id and its parent stay: proposals, datasets, accounts and groups name the agency by its
 *    id, and its parent decides which advisory group reviews its proposals;
 * 3. the new record replaces the one the form was read from, in one write conditional on that
 *    revision (409 AGENCY_CHANGED when another edit came in between).
 * A new contact address receives the mails sent from then on (mail-agency.ts reads it when it
 * sends); with none, the agency gets no mail.
 */
import type { Agency } from '#domain/agency';
import type { LocalizedText } from '#domain/common';
import { NotFoundError, ValidationError } from '#domain/errors';
import { agencyRepository } from '#ports/registry-repository';
import type { Versioned } from '#ports/versioned';

export interface AgencyToEdit {
  agency: Agency;
  /** The revision read, which the edit form carries back. */
  revision: number;
  /** The parent agency's name (undefined for a second-level agency, or a parent not registered). */
  parentName: LocalizedText | undefined;
}

async function storedAgency(id: string): Promise<Versioned<Agency>> {
  const found = await agencyRepository.getVersioned(id);
  if (!found) throw new NotFoundError('Agency', id);
  return found;
}

/** The agency as stored, for its edit form. */
export async function agencyToEdit(id: string): Promise<AgencyToEdit> {
  const found = await storedAgency(id);
  const parentId = found.value.parentId;
  const parent = parentId ? await agencyRepository.get(parentId) : undefined;
  return { agency: found.value, revision: found.revision, parentName: parent?.name };
}

export async function editAgency(id: string, next: Agency, expectedRevision: number): Promise<Agency> {
  const stored = (await storedAgency(id)).value;
  if (next.id !== stored.id || next.parentId !== stored.parentId) {
    throw new ValidationError(`Agency '${stored.id}' keeps its id and its parent.`, [
      {
        path: next.id !== stored.id ? 'id' : 'parentId',
        rule: 'AGENCY_PLACE_FIXED',
        message: 'An agency keeps its id and its parent.',
        messages: { zh: '機關代碼與上級機關不能變更。', en: 'An agency keeps its id and its parent.' },
      },
    ]);
  }
  await agencyRepository.replace(next, expectedRevision);
  return next;
}
