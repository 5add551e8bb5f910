/**
 * The rules of a workspace session, without I/O: how long a session and a sign-in attempt last,
 * which paths a sign-in may return to, and where a person lands by role.
 */
import type { Principal } from '#domain/principal';

/** A session lasts one working day from sign-in, however active; then the person signs in again. */
export const SESSION_HOURS = 8;
/** Time to finish signing in at the identity provider before the attempt is void. */
export const SIGN_IN_MINUTES = 10;

/** A signed-in person, as the session item stores it and workspace routes receive it. */
export interface WorkspaceSession {
  principal: Principal;
  /** Who is signed in, as the frame's header shows it (the name, else the e-mail address). */
  displayName: string;
  /** The synchronizer token every workspace form carries (csrfField) and every POST must return. */
  csrfToken: string;
  signedInAt: string;
  expiresAt: string;
}

export const sessionExpiry = (signedInAt: Date): Date =>
  new Date(signedInAt.getTime() + SESSION_HOURS * 3_600_000);

export const isLive = (session: Pick<WorkspaceSession, 'expiresAt'>, now: Date): boolean =>
  Date.parse(session.expiresAt) > now.getTime();

/**
 * A path on this site to return to after sign-in, or undefined: only an absolute path that stays on
 * this origin (no `//host`, no `/\\host`, no scheme, no control characters) — an open redirect otherwise.
 */
export function safeReturnPath(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.length > 512) return undefined;
  if (!/^\/(?![/\\])/.test(raw) || /[\p{Cc}\\]/u.test(raw)) return undefined;
  return raw;
}

/** Where a person lands after sign-in when no page asked for it: their own workspace. */
export const homeOf = (principal: Principal): string =>
  principal.roles.includes('operator') && !principal.roles.includes('agency') ? '/operator' : '/agency';
