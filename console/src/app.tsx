import { useEffect, useState } from 'preact/hooks';
import { onUnauthorized } from './clients';
import {
  type AuthConfig,
  CALLBACK_PATH,
  currentSession,
  finishOidc,
  loadConfig,
  type Session,
  signOut,
  startOidc,
} from './auth';
import { linkClick, match, navigate, useLocation } from './router';
import { Bookings } from './screens/bookings';
import { CampaignDetail } from './screens/campaign-detail';
import { CampaignEditor } from './screens/campaign-form';
import { CampaignResultsPage } from './screens/campaign-results';
import { Campaigns } from './screens/campaigns';
import { Dashboard } from './screens/dashboard';
import { IntakeLinks } from './screens/intake-links';
import { Messages } from './screens/messages';
import { PartnerDetail } from './screens/partner-detail';
import { Partners } from './screens/partners';
import { ReferralDetail } from './screens/referral-detail';
import { Referrals } from './screens/referrals';
import { Settings } from './screens/settings';
import { DevSignIn } from './screens/sign-in';
import { Today } from './screens/today';

const NAV = [
  ['/', 'Today'],
  ['/dashboard', 'Dashboard'],
  ['/partners', 'Partners'],
  ['/referrals', 'Referrals'],
  ['/bookings', 'Bookings'],
  ['/campaigns', 'Campaigns'],
  ['/intake-links', 'Intake links'],
  ['/messages', 'Messages'],
  ['/settings', 'Settings'],
] as const;

function screen(path: string) {
  if (path === '/') return <Today />;
  if (path === '/dashboard') return <Dashboard />;
  if (path === '/partners') return <Partners />;
  if (path === '/referrals') return <Referrals />;
  if (path === '/bookings') return <Bookings />;
  if (path === '/intake-links') return <IntakeLinks />;
  if (path === '/messages') return <Messages />;
  if (path === '/settings') return <Settings />;
  if (path === '/campaigns') return <Campaigns />;
  if (path === '/campaigns/new') return <CampaignEditor />;
  const partner = match('/partners/:id', path);
  if (partner) return <PartnerDetail id={partner.id} />;
  const referral = match('/referrals/:id', path);
  if (referral) return <ReferralDetail id={referral.id} />;
  const campaign = match('/campaigns/:id', path);
  if (campaign) return <CampaignDetail id={campaign.id} />;
  const editing = match('/campaigns/:id/edit', path);
  if (editing) return <CampaignEditor id={editing.id} />;
  const results = match('/campaigns/:id/results', path);
  if (results) return <CampaignResultsPage id={results.id} />;
  return (
    <section>
      <h1>Not found</h1>
      <p>
        Nothing lives at {path}. <a href="/">Go to Today</a>.
      </p>
    </section>
  );
}

export function App() {
  const { path } = useLocation();
  const [config, setConfig] = useState<AuthConfig>();
  const [failure, setFailure] = useState<string>();
  const [session, setSession] = useState<Session | null>(currentSession());

  useEffect(() => {
    loadConfig().then(setConfig, (e) => setFailure(String(e)));
    onUnauthorized(() => {
      signOut();
      setSession(null);
    });
  }, []);

  useEffect(() => {
    if (config?.auth === 'oidc' && path === CALLBACK_PATH) {
      finishOidc(config, location.search).then(
        (to) => {
          setSession(currentSession());
          navigate(to, true);
        },
        (e) => setFailure(String(e)),
      );
    } else if (config?.auth === 'oidc' && !session) {
      startOidc(config, location.pathname + location.search).catch((e) => setFailure(String(e)));
    }
  }, [config, session, path]);

  if (failure) {
    return (
      <main id="main" class="center">
        <h1>The console cannot start</h1>
        <p role="alert">{failure}</p>
      </main>
    );
  }
  if (!config || (config.auth === 'oidc' && !session)) {
    return (
      <main id="main" class="center">
        <p role="status">Loading…</p>
      </main>
    );
  }
  if (!session) {
    return <DevSignIn onSignedIn={() => setSession(currentSession())} />;
  }
  return (
    <div class="shell" onClick={linkClick}>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <a class="brand" href="/">
          Referrals
        </a>
        <span class="who">
          <span class="practice" data-testid="practice">
            {session.practice}
          </span>{' '}
          <span class="muted">· {session.role}</span>
        </span>
        <button
          type="button"
          class="link"
          onClick={() => {
            signOut();
            setSession(null);
            navigate('/');
          }}
        >
          Sign out
        </button>
      </header>
      <nav class="nav" aria-label="Main">
        <ul>
          {NAV.map(([href, text]) => {
            const current = href === '/' ? path === '/' : path === href || path.startsWith(href + '/');
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
        {screen(path)}
      </main>
    </div>
  );
}
