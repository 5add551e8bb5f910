// How the PDFs print a label: both languages on one line.
import type { Label } from '../labels.ts';

/** "採納 Adopted" */
export const bilingual = (label: Label): string => `${label.zh} ${label.en}`;

/** "收費⏎Charge": a table header, the English under the Chinese. */
export const stacked = (label: Label): string => `${label.zh}\n${label.en}`;
