// Bilingual labels for the enumerations printed in the PDFs, so every document words them alike.
import type { Bilingual } from './layout.ts';

export type IdentityTier = 'ORGANIZATION' | 'VERIFIED_EMAIL' | 'UNVERIFIED';
export type Disposition = 'ADOPTED' | 'PARTLY_ADOPTED' | 'NOT_ADOPTED';

export const TIER_LABEL: Record<IdentityTier, Bilingual> = {
  ORGANIZATION: { zh: '機關團體', en: 'Organization' },
  VERIFIED_EMAIL: { zh: '電子郵件已驗證', en: 'Verified e-mail' },
  UNVERIFIED: { zh: '未驗證', en: 'Unverified' },
};

/** Marks an organisation name the commenter gave that the register does not confirm. */
export const SELF_DECLARED_LABEL: Bilingual = { zh: '自稱', en: 'self-declared' };

export const DISPOSITION_LABEL: Record<Disposition, Bilingual> = {
  ADOPTED: { zh: '採納', en: 'Adopted' },
  PARTLY_ADOPTED: { zh: '部分採納', en: 'Partly adopted' },
  NOT_ADOPTED: { zh: '不採納', en: 'Not adopted' },
};

export const TIERS = Object.keys(TIER_LABEL) as IdentityTier[];
export const DISPOSITIONS = Object.keys(DISPOSITION_LABEL) as Disposition[];

/** "採納 Adopted" */
export const bilingual = (label: Bilingual): string => `${label.zh} ${label.en}`;
