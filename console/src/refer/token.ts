// The public referral form's link: `/refer/#<token>`, where the token is an intake link's (referral-service: `il_` and
// 32 random bytes in base64url). A campaign's ask mails it to one partner; whoever holds it may post referrals as that
// partner, so it travels in the fragment (never sent to a server, never in an access log or a Referer) and is taken
// out of the address at once. It is kept in this tab's sessionStorage so that a reload still finds it, and nowhere
// else.

const TOKEN = /^il_[A-Za-z0-9_-]{43}$/;
const KEY = 'refer.token';

/** The token of `#<token>` (or `#token=<token>`); null for anything else, malformed included. */
export function tokenOf(hash: string): string | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const token = raw.startsWith('token=') ? raw.slice('token='.length) : raw;
  return TOKEN.test(token) ? token : null;
}

/** The token the page was opened with, or the one this tab remembered; the fragment is taken out of the address. */
export function takeToken(
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  address: Location,
  history: History,
): string | null {
  const fromAddress = tokenOf(address.hash);
  if (address.hash) history.replaceState(null, '', address.pathname + address.search);
  if (fromAddress) {
    storage.setItem(KEY, fromAddress);
    return fromAddress;
  }
  const remembered = storage.getItem(KEY);
  return remembered && tokenOf(remembered) ? remembered : null;
}
