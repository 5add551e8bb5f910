/**
 * Who is acting: a signed-in agency clerk or operator (from the claims of a verified token or
 * session), or nobody for the public. Use cases decide ownership with it; the HTTP layer builds it.
 */
export type Role = 'agency' | 'operator';

export const ROLES: readonly Role[] = ['agency', 'operator'];

export interface Principal {
  sub: string;
  roles: Role[];
  agencyId?: string;
}
