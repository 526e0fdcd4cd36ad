// Who is signed in, and how they sign in. The console reads /config.json at start:
//   {"auth":"dev"}                                  the local stack's development sign-in (POST /dev/token)
//   {"auth":"oidc","issuer":"https://…","clientId":"console","scope":"openid profile","tenantClaim":"practice_id"}
// OpenID Connect is the authorization code flow with PKCE (S256), as a public client: no secret in the browser.
// The access token lives in sessionStorage for this tab only and is sent as a bearer token to /api/... .

export type AuthConfig =
  | { auth: 'dev' }
  | { auth: 'oidc'; issuer: string; clientId: string; scope?: string; tenantClaim?: string; audience?: string };

export interface Session {
  token: string;
  practice: string;
  role: string;
  expiresAt: number; // epoch ms
}

const SESSION_KEY = 'console.session';
const PENDING_KEY = 'console.oidc';
export const CALLBACK_PATH = '/auth/callback';

export async function loadConfig(fetcher: typeof fetch = fetch): Promise<AuthConfig> {
  const response = await fetcher('/config.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
  const config = (await response.json()) as AuthConfig;
  if (config.auth !== 'dev' && config.auth !== 'oidc') throw new Error('/config.json: auth must be dev or oidc');
  if (config.auth === 'oidc' && (!config.issuer || !config.clientId)) {
    throw new Error('/config.json: oidc needs issuer and clientId');
  }
  return config;
}

/** The claims of a JWT, unverified: the services verify it; the console only shows whom it names. */
export function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  const base64 = payload
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(payload.length / 4) * 4, '=');
  const json = new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
  return JSON.parse(json) as Record<string, unknown>;
}

/** A session from an access token: its practice (tenant claim), highest role (groups) and expiry. */
export function sessionOf(token: string, tenantClaim = 'practice_id'): Session {
  const claims = claimsOf(token);
  const groups = Array.isArray(claims.groups) ? (claims.groups as unknown[]).map(String) : [];
  const role = ['owner', 'member', 'viewer'].find((r) => groups.includes(r)) ?? 'viewer';
  const exp = typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now() + 3600_000;
  const tenant = claims[tenantClaim];
  const practice = typeof tenant === 'string' || typeof tenant === 'number' ? String(tenant) : '';
  return { token, practice, role, expiresAt: exp };
}

export function currentSession(now = Date.now()): Session | null {
  const stored = sessionStorage.getItem(SESSION_KEY);
  if (!stored) return null;
  try {
    const session = JSON.parse(stored) as Session;
    // A minute's margin: a token about to expire is not worth a failing request.
    if (session.expiresAt - 60_000 > now) return session;
  } catch {
    // Unreadable: sign in again.
  }
  sessionStorage.removeItem(SESSION_KEY);
  return null;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function signOut(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

/** The local stack's development sign-in: a token for the practice and role picked. */
export async function devSignIn(practice: string, role: string): Promise<Response> {
  return fetch('/dev/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ practice, role }),
  });
}

// --- OpenID Connect, authorization code with PKCE.

function base64url(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function randomVerifier(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32))); // 43 characters, as RFC 7636 asks at least
}

export async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`OpenID discovery at ${issuer} answered ${response.status}`);
  return (await response.json()) as Discovery;
}

export function authorizeUrl(
  endpoint: string,
  config: { clientId: string; scope?: string; audience?: string },
  redirectUri: string,
  challenge: string,
  state: string,
): string {
  const url = new URL(endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('scope', config.scope ?? 'openid profile');
  url.searchParams.set('code_challenge', challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  if (config.audience) url.searchParams.set('audience', config.audience);
  return url.toString();
}

export async function startOidc(config: Extract<AuthConfig, { auth: 'oidc' }>, returnTo: string): Promise<never> {
  const { authorization_endpoint } = await discover(config.issuer);
  const verifier = randomVerifier();
  const state = randomVerifier();
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, returnTo }));
  location.assign(
    authorizeUrl(authorization_endpoint, config, location.origin + CALLBACK_PATH, await challengeOf(verifier), state),
  );
  return new Promise<never>(() => {});
}

/** On /auth/callback: trades the code for tokens; answers where to go next. */
export async function finishOidc(config: Extract<AuthConfig, { auth: 'oidc' }>, search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as {
    verifier: string;
    state: string;
    returnTo: string;
  } | null;
  sessionStorage.removeItem(PENDING_KEY);
  if (params.get('error')) throw new Error(`Sign-in failed: ${params.get('error_description') ?? params.get('error')}`);
  if (!pending || params.get('state') !== pending.state) throw new Error('Sign-in failed: unexpected state');
  const { token_endpoint } = await discover(config.issuer);
  const response = await fetch(token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code') ?? '',
      redirect_uri: location.origin + CALLBACK_PATH,
      client_id: config.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error(`Sign-in failed: the token endpoint answered ${response.status}`);
  const tokens = (await response.json()) as { access_token: string };
  saveSession(sessionOf(tokens.access_token, config.tenantClaim));
  return pending.returnTo || '/';
}
