/** The agency's edit form: its fields, and the stored agency as the form's first values. */
import type { Agency } from '#domain/agency';
import type { FormValues } from './forms.ts';

/** What the form edits; the id and the parent are the stored ones (edit-agency.ts). */
export const AGENCY_EDIT_FIELDS = ['revision', 'name.zh', 'name.en', 'contactEmail'] as const;

/** The stored agency as the form shows it, with the revision it was read at. */
export function agencyValues(agency: Agency, revision: number): FormValues {
  return {
    revision: String(revision),
    'name.zh': agency.name.zh,
    'name.en': agency.name.en,
    contactEmail: agency.contactEmail ?? '',
  };
}
