/**
 * The local stand-in for Cognito's managed login: an embedded OpenID provider (oidc-provider, a
 * certified implementation) mounted at `/oidc` of the local server, so that /sign-in and
 * /auth/callback run exactly the code they run against Cognito (authorization code + PKCE, state,
 * nonce, a signed ID token with `cognito:groups` and `custom:agency_id`). Its sign-in page lists the
 * seeded people (SEED.people); choosing one signs in as them, without a password.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import { Provider } from 'oidc-provider';
import type { Adapter, AdapterPayload, Configuration } from 'oidc-provider';
import { html } from '#templates/escape';
import { page, PAGE_HEADERS } from '#templates/pages/layout';
import { accountRepository } from '#ports/account-repository';
import { SEED } from './seed.ts';

export const LOCAL_OIDC_PATH = '/oidc';
export const LOCAL_OIDC_CLIENT_ID = 'workspace';

/** Someone the local sign-in page offers: a seeded person, or an account an operator recorded. */
interface Person {
  sub: string;
  name: string;
  email: string;
  groups: readonly string[];
  agencyId?: string;
  role: { zh: string; en: string };
}

const ROLE_NAMES: Record<string, Person['role']> = {
  agency: { zh: '機關承辦人', en: 'Agency staff' },
  operator: { zh: '維運人員', en: 'Operator' },
};

/**
 * The seeded people, then every account of the registry that is not one of them and may act (so an
 * account recorded in the operator console can sign in locally at once).
 */
async function people(): Promise<Person[]> {
  const seeded: Person[] = SEED.people.map((p) => ({ ...p }));
  const recorded = (await accountRepository.list())
    .filter((a) => a.roles.length > 0 && !seeded.some((p) => p.sub === a.sub))
    .map((a) => ({
      sub: a.sub,
      name: a.name,
      email: a.email,
      groups: a.roles,
      agencyId: a.agencyId,
      role: ROLE_NAMES[a.roles[0]!]!,
    }));
  return [...seeded, ...recorded];
}

/** The claims Cognito puts in an ID token, for one person. */
function claimsOf(person: Person): Record<string, unknown> {
  return {
    sub: person.sub,
    name: person.name,
    email: person.email,
    email_verified: true,
    'cognito:groups': [...person.groups],
    ...(person.agencyId ? { 'custom:agency_id': person.agencyId } : {}),
  };
}

export interface LocalIdentityProvider {
  issuer: string;
  /** Serves a request under `/oidc` (the body not yet read); the provider's own routes and its sign-in page. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export async function startLocalIdentityProvider(baseUrl: string): Promise<LocalIdentityProvider> {
  const issuer = `${baseUrl}${LOCAL_OIDC_PATH}`;
  // A key and cookie secret for this run only: sessions live in the table, not in the provider.
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const configuration: Configuration = {
    clients: [
      {
        client_id: LOCAL_OIDC_CLIENT_ID,
        redirect_uris: [`${baseUrl}/auth/callback`],
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    async findAccount(_ctx, sub) {
      const person = (await people()).find((p) => p.sub === sub);
      return person ? { accountId: sub, claims: async () => claimsOf(person) as { sub: string } } : undefined;
    },
    claims: {
      openid: ['sub', 'cognito:groups', 'custom:agency_id'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    // Put the scopes' claims in the ID token itself, as Cognito does.
    conformIdTokenClaims: false,
    interactions: { url: (_ctx, interaction) => `${LOCAL_OIDC_PATH}/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    adapter: runAdapter(),
    // Lifetimes of the provider's own artefacts; the workspace session is the table's (SESSION_HOURS).
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AuthorizationCode: 60,
      AccessToken: 600,
      IdToken: 600,
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = page(
        { zh: '本機登入發生錯誤', en: 'Local sign-in error' },
        html`<div class="notice warn">
          <p>${String(out.error)}</p>
          <p class="en" lang="en">${String(out.error_description ?? '')}</p>
        </div>`,
      );
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, rest: string): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    const [, action] = rest.split('/');
    if (req.method === 'GET' && action === undefined) {
      res.writeHead(200, { ...PAGE_HEADERS, 'cache-control': 'no-store' });
      res.end(signInPage(details.uid, await people()));
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    if (action === 'abort') {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'Sign-in cancelled.' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const form = new URLSearchParams(await readText(req));
    const everyone = await people();
    const person = everyone.find((p) => p.sub === form.get('person'));
    if (action !== 'login' || !person) {
      res.writeHead(400, { ...PAGE_HEADERS }).end(signInPage(details.uid, everyone));
      return;
    }
    // One person at a time in a browser: signing in as someone else ends the provider's session of
    // the one before here, where the provider would otherwise ask for it with a page of script.
    if (details.session && details.session.accountId !== person.sub) {
      await (await provider.Session.findByUid(details.session.uid))?.destroy();
      delete details.session;
      await details.save(details.exp - Math.floor(Date.now() / 1000));
    }
    const grant = new provider.Grant({ accountId: person.sub, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: person.sub }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  return {
    issuer,
    async handle(req, res) {
      const path = new URL(req.url ?? '/', 'http://local').pathname;
      const rest = path.slice(LOCAL_OIDC_PATH.length);
      if (rest.startsWith('/interaction/')) return interaction(req, res, rest.slice('/interaction/'.length));
      // Mounted as connect mounts an app: the provider sees its own paths, and the prefix in originalUrl.
      const mounted = req as IncomingMessage & { originalUrl?: string };
      mounted.originalUrl = req.url;
      req.url = (req.url ?? '/').slice(LOCAL_OIDC_PATH.length) || '/';
      callback(req, res);
    },
  };
}

/**
 * The provider's storage for one run (interactions, codes, grants), in a Map: written here because
 * oidc-provider's own in-memory adapter is meant only for trying it out. Nothing in it needs to
 * outlive the process — a sign-in under way when the runtime stops is simply started again.
 */
function runAdapter(): (name: string) => Adapter {
  const items = new Map<string, { payload: AdapterPayload; expiresAt: number }>();
  const byUid = new Map<string, string>();
  const byGrant = new Map<string, Set<string>>();
  return (name) => {
    const key = (id: string) => `${name}:${id}`;
    const find = async (id: string) => {
      const item = items.get(key(id));
      if (!item || item.expiresAt <= Date.now()) return undefined;
      return item.payload;
    };
    return {
      async upsert(id, payload, expiresIn) {
        items.set(key(id), { payload: { ...payload }, expiresAt: Date.now() + (expiresIn ?? 600) * 1000 });
        if (payload.uid) byUid.set(payload.uid, id);
        if (payload.grantId)
          byGrant.set(payload.grantId, (byGrant.get(payload.grantId) ?? new Set()).add(key(id)));
      },
      find,
      findByUid: async (uid) => {
        const id = byUid.get(uid);
        return id === undefined ? undefined : find(id);
      },
      findByUserCode: async () => undefined,
      async consume(id) {
        const item = items.get(key(id));
        if (item) item.payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        items.delete(key(id));
      },
      async revokeByGrantId(grantId) {
        for (const k of byGrant.get(grantId) ?? []) items.delete(k);
        byGrant.delete(grantId);
      },
    };
  };
}

function readText(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= 16_384) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The local sign-in page: one button per seeded person, and a way to cancel. */
function signInPage(uid: string, everyone: readonly Person[]): string {
  const action = `${LOCAL_OIDC_PATH}/interaction/${uid}`;
  const buttons = everyone.map(
    (person) =>
      html`<li>
        <form method="post" action="${action}/login">
          <input type="hidden" name="person" value="${person.sub}" />
          <button type="submit">
            以 ${person.name} 登入 <span lang="en">Sign in as ${person.name}</span>
          </button>
          <span>${person.role.zh} <span class="en" lang="en">${person.role.en}</span></span>
          ${person.agencyId ? html`<span>（${person.agencyId}）</span>` : ''}
        </form>
      </li>`,
  );
  return page(
    { zh: '本機登入', en: 'Local sign-in' },
    html`<p>這是本機執行環境的身分提供者，取代 AWS 上的 Cognito 登入頁。請選擇要以誰的身分登入。</p>
      <p class="en" lang="en">
        The local runtime's identity provider, standing in for Cognito's sign-in page. Choose whom to sign in
        as.
      </p>
      <ul class="people">
        ${buttons}
      </ul>
      <form method="post" action="${action}/abort">
        <button type="submit" class="secondary">取消 <span lang="en">Cancel</span></button>
      </form>`,
    {
      styles:
        '.people{list-style:none;padding:0}.people li{margin:12px 0}.people form{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center}.secondary{background:#4a5563}',
    },
  );
}
