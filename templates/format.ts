/**
 * How every page, mail and PDF writes money and shares: one policy on cents, so NT$148.50 reads the
 * same everywhere. Dates and times come from taipei-time.ts.
 */

/**
 * Money as reviewers need to check it: whole dollars without decimals, a cost computed from a fractional
 * quantity with its two decimals (NT$1,234.50), never rounded away.
 */
export function money(amount: number): string {
  if (!Number.isFinite(amount)) throw new RangeError(`not an amount: ${amount}`);
  const hundredths = Math.round(Math.abs(amount) * 100);
  const whole = String(Math.floor(hundredths / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = hundredths % 100;
  return `${amount < 0 ? '-' : ''}NT$${whole}${cents === 0 ? '' : `.${String(cents).padStart(2, '0')}`}`;
}

/** 0.5 → "50%", 2/3 → "66.7%". */
export const percent = (fraction: number): string => `${Math.round(fraction * 1000) / 10}%`;
