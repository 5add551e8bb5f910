/**
 * Signing in to the workspace in integration tests: the real round trip through /sign-in, the
 * runtime's embedded OpenID provider and /auth/callback, then a cookie-jar client that posts forms
 * as a browser does (see infra/local/workspace-client.ts, which the demo uses too).
 *
 *   const { client } = await signInAs(runtime.url, 'nlsc-clerk');
 *   await client.get('/agency');                          // 200, the frame
 *   await client.post('/agency/…', { field: 'value' });   // CSRF token and Origin added
 */
export { CookieJar, signInAs, workspaceClient } from '#local/workspace-client';
export type { SeededPerson, WorkspaceClient, WorkspaceResponse } from '#local/workspace-client';
