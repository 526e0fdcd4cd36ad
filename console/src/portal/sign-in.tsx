// Signing in without a password: ask for a link by email, and land on the link that arrives.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ok } from '../clients';
import { Field, ProblemBanner, useAction } from '../ui';
import { portalPartnerApi } from './api';
import { type PortalSession, practiceFrom, rememberedPractice, rememberPractice, sessionOf } from './session';
import { PortalHeader } from './ui';

/** The answer to every request for a link, known address or not: it must tell nobody who is a partner. */
export const NEUTRAL_ANSWER =
  'If this address belongs to a partner of the practice, a sign-in link is on its way to it. ' +
  'It works once, within 15 minutes. Check your inbox (and the spam folder).';

export function AskForLink(props: { title?: string; intro?: string }) {
  const known = practiceFrom(location.search, rememberedPractice());
  const [practice, setPractice] = useState(known ?? '');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const action = useAction();
  useEffect(() => {
    if (known) rememberPractice(known);
  }, [known]);
  return (
    <main id="main" class="portal-narrow">
      <PortalHeader
        title={props.title ?? 'Sign in to your partner portal'}
        intro={props.intro ?? 'No password: we email you a link that signs you in.'}
      />
      {sent ? (
        <div class="card stack">
          <p role="status" data-testid="link-requested">
            {NEUTRAL_ANSWER}
          </p>
          <button type="button" onClick={() => setSent(false)}>
            Use another address
          </button>
        </div>
      ) : (
        <form
          noValidate
          class="card stack"
          aria-label="Ask for a sign-in link"
          onSubmit={async (e) => {
            e.preventDefault();
            if (
              await action.run(() =>
                ok(portalPartnerApi.POST('/api/portal/sign-in-links', { body: { practiceId: practice, email } })),
              )
            ) {
              rememberPractice(practice);
              setSent(true);
            }
          }}
        >
          <ProblemBanner problem={action.problem} placed={['email', 'practiceId']} />
          {!known && (
            <Field
              label="Practice code"
              name="practiceId"
              value={practice}
              onValue={setPractice}
              errors={action.errors}
              autoComplete="off"
              hint="It is in the portal address your practice gave you, after ?practice="
              required
            />
          )}
          <Field
            label="Your email address"
            name="email"
            type="email"
            value={email}
            onValue={setEmail}
            errors={action.errors}
            autoComplete="email"
            inputMode="email"
            hint="The address the practice knows you by"
            required
          />
          <button type="submit" class="primary" disabled={action.busy}>
            Email me a sign-in link
          </button>
        </form>
      )}
    </main>
  );
}

/** /portal/sign-in#token=…: exchanges the link's token for a session once; a used or expired link offers a new one. */
export function LinkLanding(props: { token: string | null; onSignedIn: (session: PortalSession) => void }) {
  const [state, setState] = useState<'working' | 'gone' | 'failed'>(props.token ? 'working' : 'gone');
  const action = useAction();
  const started = useRef(false);
  const { token, onSignedIn } = props;
  useEffect(() => {
    if (!token || started.current) return;
    started.current = true; // a link works once: never exchanged twice, whatever renders again
    let session: PortalSession | undefined;
    void action
      .run(async () => {
        const answer = await ok(portalPartnerApi.POST('/api/portal/sessions', { body: { token } }));
        session = sessionOf(answer.accessToken ?? '');
      })
      .then((done) => {
        if (done && session) onSignedIn(session);
        else setState('failed');
      });
  }, [token, onSignedIn, action]);
  if (state === 'working' && !action.problem) {
    return (
      <main id="main" class="portal-narrow">
        <PortalHeader title="Signing you in" />
        <p role="status">Signing you in…</p>
      </main>
    );
  }
  const gone = state === 'gone' || action.problem?.status === 410 || action.problem?.status === 400;
  return (
    <>
      {!gone && (
        <div class="portal-narrow">
          <ProblemBanner problem={action.problem} />
        </div>
      )}
      <AskForLink
        title={gone ? 'This sign-in link no longer works' : 'Sign-in did not work'}
        intro={
          gone
            ? 'A link works once, within 15 minutes. Ask for a new one here: it arrives in a minute.'
            : 'Try again with a new link.'
        }
      />
    </>
  );
}
