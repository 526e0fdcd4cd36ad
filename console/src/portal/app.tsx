// The partner portal: phone first, one column, big targets. Signed out it offers a sign-in link; signed in, the
// partner's referrals, a way to refer, their rewards, messages, the relationship both ways, the introduction kit and
// their profile. A read-only "view as" session (the practice's) shows all of it with a banner and offers no change.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ok } from '../clients';
import { linkClick, navigate, useLocation } from '../router';
import { LoadState, useLoad } from '../ui';
import { onPortalUnauthorized, portalPartnerApi } from './api';
import { Home, Messages, Profile, Refer, Rewards, Together } from './screens';
import { Kit } from './kit-screen';
import { forgetSession, type PortalSession, saveSession } from './session';
import { AskForLink, LinkLanding } from './sign-in';
import { ReadOnlyBanner } from './ui';

export const PORTAL = '/portal/';

const NAV = [
  ['/portal/', 'Home'],
  ['/portal/refer', 'Refer someone'],
  ['/portal/rewards', 'Rewards'],
  ['/portal/messages', 'Messages'],
  ['/portal/together', 'Referrals to you'],
  ['/portal/kit', 'Introduction kit'],
  ['/portal/profile', 'Profile'],
] as const;

/** What the portal shows signed in, and whether it may change anything. */
export interface Viewer {
  name: string;
  readOnly: boolean;
}

function screen(path: string, viewer: Viewer) {
  if (path === '/portal' || path === PORTAL) return <Home viewer={viewer} />;
  if (path === '/portal/refer') return <Refer viewer={viewer} />;
  if (path === '/portal/rewards') return <Rewards />;
  if (path === '/portal/messages') return <Messages />;
  if (path === '/portal/together') return <Together />;
  if (path === '/portal/kit') return <Kit viewer={viewer} />;
  if (path === '/portal/profile') return <Profile viewer={viewer} />;
  return (
    <section>
      <h1>Not found</h1>
      <p>
        Nothing lives here. <a href={PORTAL}>Go to your portal's home</a>.
      </p>
    </section>
  );
}

export function PortalApp(props: { initialSession: PortalSession | null; linkToken: string | null }) {
  const { path } = useLocation();
  const [session, setSession] = useState(props.initialSession);
  const [ended, setEnded] = useState(false);

  useEffect(
    () =>
      onPortalUnauthorized(() => {
        forgetSession();
        setSession(null);
        setEnded(true);
        navigate(PORTAL, true);
      }),
    [],
  );
  const signedIn = useCallback((s: PortalSession) => {
    saveSession(s);
    setSession(s);
    navigate(PORTAL, true);
  }, []);

  if (path === '/portal/sign-in' && !session) {
    return <LinkLanding token={props.linkToken} onSignedIn={signedIn} />;
  }
  if (!session) {
    return ended ? (
      <AskForLink
        title="Your session has ended"
        intro="For your privacy, sessions end after a while or when the practice changes your access. Ask for a new link to sign in again."
      />
    ) : (
      <AskForLink />
    );
  }
  return (
    <SignedIn
      session={session}
      path={path}
      onSignedOut={() => {
        forgetSession();
        setSession(null);
        navigate(PORTAL);
      }}
    />
  );
}

function SignedIn(props: { session: PortalSession; path: string; onSignedOut: () => void }) {
  const me = useLoad(() => ok(portalPartnerApi.GET('/api/portal/me')), [props.session.token]);
  const readOnly = props.session.readOnly || me.data?.readOnly === true;
  const viewer: Viewer = { name: me.data?.name ?? '', readOnly };
  const path = props.path === '/portal/sign-in' ? PORTAL : props.path;
  return (
    <div class="portal" onClick={linkClick}>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="portal-top">
        <a class="brand" href={PORTAL}>
          Partner portal
        </a>
        <span class="who" data-testid="partner-name">
          {viewer.name}
        </span>
        <button
          type="button"
          class="link"
          onClick={async () => {
            // A read-only view is the practice's: only this tab forgets it. A partner's own session is ended at
            // partner-service, so the token is worth nothing even if it was copied.
            if (!readOnly) await portalPartnerApi.DELETE('/api/portal/sessions/current').catch(() => undefined);
            props.onSignedOut();
          }}
        >
          {readOnly ? 'Close this view' : 'Sign out'}
        </button>
      </header>
      {readOnly && <ReadOnlyBanner name={viewer.name} />}
      <nav class="portal-nav" aria-label="Portal">
        <ul>
          {NAV.map(([href, text]) => {
            const current = href === PORTAL ? path === PORTAL || path === '/portal' : path.startsWith(href);
            return (
              <li key={href}>
                <a href={href} aria-current={current ? 'page' : undefined}>
                  {text}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <main id="main" key={path}>
        <LoadState loaded={me}>{() => screen(path, viewer)}</LoadState>
      </main>
    </div>
  );
}
