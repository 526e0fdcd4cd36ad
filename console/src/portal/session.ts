// The partner's portal session in this tab, and what arrives in the address: a sign-in link's one-use token
// (/portal/sign-in#token=…, as partner-service mails it) or the practice's read-only "view as" session
// (/portal/#view=…, opened by the console). Both travel in the URL's fragment, which the browser never sends to a
// server, and both are taken out of the address at once so that neither stays in the history or a bookmark.
//
// The session token lives in sessionStorage: this tab only, gone when the tab closes (a partner on a shared or
// borrowed phone is not left signed in), never sent by the browser on its own (no cookie, so no cross-site request
// can use it), and separate per tab (the practice's "view as" tab does not replace a partner's own session).
import { claimsOf } from '../auth';

export interface PortalSession {
  token: string;
  partnerId: string;
  practiceId: string;
  /** The practice's "view as this partner" session: every change is refused (403), so the portal offers none. */
  readOnly: boolean;
  expiresAt: number; // epoch ms
}

const SESSION_KEY = 'portal.session';
const PRACTICE_KEY = 'portal.practice';

/** What the fragment of the address carries: a sign-in link's token, a "view as" session, or nothing. */
export type Fragment = { kind: 'link'; token: string } | { kind: 'view'; token: string } | { kind: 'none' };

/** A link's token is 256 random bits in base64url (43 characters); a session is a JWT (three base64url parts). */
const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** `#token=…` (a sign-in link) or `#view=…` (a read-only session); anything else, malformed included, is none. */
export function parseFragment(hash: string): Fragment {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('token');
  if (token !== null) return LINK_TOKEN.test(token) ? { kind: 'link', token } : { kind: 'none' };
  const view = params.get('view');
  if (view !== null && JWT.test(view)) return { kind: 'view', token: view };
  return { kind: 'none' };
}

/** A session from a portal access token's claims (unverified: the services verify it; the portal shows whom it names). */
export function sessionOf(token: string, now = Date.now()): PortalSession {
  const claims = claimsOf(token);
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  return {
    token,
    partnerId: text(claims.partner_id),
    practiceId: text(claims.practice_id),
    readOnly: claims.read_only === true,
    expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : now + 15 * 60_000,
  };
}

export function currentSession(now = Date.now()): PortalSession | null {
  const stored = sessionStorage.getItem(SESSION_KEY);
  if (!stored) return null;
  try {
    const session = JSON.parse(stored) as PortalSession;
    if (typeof session.token === 'string' && session.expiresAt > now) return session;
  } catch {
    // Unreadable: sign in again.
  }
  sessionStorage.removeItem(SESSION_KEY);
  return null;
}

export function saveSession(session: PortalSession): void {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  if (session.practiceId && !session.readOnly) rememberPractice(session.practiceId);
}

export function forgetSession(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

/** Practice ids as the platform writes them (the same rule as the development sign-in's). */
const PRACTICE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * The practice whose portal this is: `?practice=<id>` of the address (the link the practice shares), else the one
 * remembered on this device from an earlier visit or sign-in. Not a secret, so localStorage keeps it across visits.
 */
export function practiceFrom(search: string, remembered: string | null): string | null {
  const given = new URLSearchParams(search).get('practice');
  if (given !== null && PRACTICE_ID.test(given)) return given;
  return remembered !== null && PRACTICE_ID.test(remembered) ? remembered : null;
}

export function rememberedPractice(): string | null {
  try {
    return localStorage.getItem(PRACTICE_KEY);
  } catch {
    return null;
  }
}

export function rememberPractice(practiceId: string): void {
  try {
    if (PRACTICE_ID.test(practiceId)) localStorage.setItem(PRACTICE_KEY, practiceId);
  } catch {
    // Storage refused (private mode): the practice is asked again next time.
  }
}
