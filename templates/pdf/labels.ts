// How the PDFs print a label: both languages on one line.
import type { Label } from '../labels.ts';

/** "採納 Adopted" */
export const bilingual = (label: Label): string => `${label.zh} ${label.en}`;
