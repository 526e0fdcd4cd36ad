// The public referral form (refer.html, served at /refer/): what a campaign's ask links to, `/refer/#<token>`. No
// sign-in: the intake link's token names the practice and the partner, and the form posts to referral-service's
// `POST /api/intake/{token}` (the body of POST /api/referrals; a link bound to a partner records the referral as
// theirs). Phone first, like the portal: one column, every target at least 44 px high.
import createClient from 'openapi-fetch';
import { useEffect, useState } from 'preact/hooks';
import type { components, paths } from '../api/referral';
import { ApiError, type Problem, toProblem } from '../problem';
import { consentChoices } from '../portal/words';
import { Field, ProblemBanner, useAction } from '../ui';

type Consent = components['schemas']['Consent'];

// No bearer token, ever: this page is public and must not carry a signed-in practice's token of this browser.
const intakeApi = createClient<paths>({
  baseUrl: typeof location === 'undefined' ? 'http://localhost' : location.origin,
  headers: { Accept: 'application/json, application/problem+json' },
});

const FIELDS = ['referred.name', 'referred.email', 'referred.phone', 'referred', 'note', 'consent'];

export function ReferPage(props: { token: string | null }) {
  if (!props.token) {
    return (
      <main id="main" class="portal-narrow">
        <Heading title="This link is incomplete" />
        <p>
          The referral form opens from the link in the practice's email. Open that link again, or copy all of it into
          the address bar: its last part is what tells the practice who is referring.
        </p>
      </main>
    );
  }
  return <ReferForm token={props.token} />;
}

function Heading(props: { title: string; intro?: string }) {
  useEffect(() => {
    document.title = `${props.title} · Referral`;
  }, [props.title]);
  return (
    <header class="page-header">
      <div>
        <h1>{props.title}</h1>
        {props.intro && <p class="muted">{props.intro}</p>}
      </div>
    </header>
  );
}

function ReferForm(props: { token: string }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [note, setNote] = useState('');
  const [consent, setConsent] = useState<Consent>('none');
  // One key per referral: a retry of the same one (a lost answer) is answered once, a new referral gets a new key.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [sent, setSent] = useState<string>();
  const action = useAction();
  const errors = { ...action.errors };
  // "Give an email or a phone number" names the person, not one field: shown under the email, where it is read first.
  if (errors.referred && !errors['referred.email']) errors['referred.email'] = errors.referred;

  if (sent !== undefined) {
    return (
      <main id="main" class="portal-narrow">
        <Heading title="Thank you" />
        <div class="card stack">
          <p role="status" data-testid="referral-received">
            The practice has received your referral of <strong>{sent}</strong> and will get in touch with them.
          </p>
          <button
            type="button"
            onClick={() => {
              setSent(undefined);
              setName('');
              setEmail('');
              setPhone('');
              setNote('');
              setConsent('none');
              setKey(crypto.randomUUID());
            }}
          >
            Refer someone else
          </button>
        </div>
      </main>
    );
  }

  return (
    <main id="main" class="portal-narrow">
      <Heading
        title="Refer someone"
        intro="Introduce someone who could use the practice's help. Ask them first: the practice will contact them."
      />
      <form
        noValidate
        class="card stack"
        aria-label="Refer someone"
        onSubmit={async (e) => {
          e.preventDefault();
          const referred = name.trim();
          const done = await action.run(async () => {
            const { response, error } = await intakeApi
              .POST('/api/intake/{token}', {
                params: { path: { token: props.token }, header: { 'Idempotency-Key': key } },
                body: {
                  referred: { name: referred, email: email.trim() || undefined, phone: phone.trim() || undefined },
                  note: note.trim() || undefined,
                  consent,
                },
              })
              .catch(() => {
                throw new ApiError(toProblem(0, null));
              });
            if (!response.ok) throw new ApiError(refusal(response, error));
          });
          if (done) setSent(referred);
        }}
      >
        <ProblemBanner problem={action.problem} placed={FIELDS} />
        <Field
          label="Their name"
          name="referred.name"
          value={name}
          onValue={setName}
          errors={errors}
          autoComplete="off"
          required
        />
        <Field
          label="Their email"
          name="referred.email"
          type="email"
          value={email}
          onValue={setEmail}
          errors={errors}
          autoComplete="off"
          inputMode="email"
          hint="An email or a phone number, so the practice can reach them"
        />
        <Field
          label="Their phone"
          name="referred.phone"
          type="tel"
          value={phone}
          onValue={setPhone}
          errors={errors}
          autoComplete="off"
          inputMode="tel"
        />
        <Field
          label="A note for the practice"
          name="note"
          value={note}
          onValue={setNote}
          errors={errors}
          multiline
          hint="Optional: what they are looking for, when they are easiest to reach"
        />
        <fieldset
          class={`choices${errors.consent ? ' invalid' : ''}`}
          aria-describedby={errors.consent ? 'consent-error' : undefined}
        >
          <legend>What did they agree you may be told about how it goes?</legend>
          {consentChoices.map((c) => (
            <label class="choice" key={c.value}>
              <input
                type="radio"
                name="consent"
                value={c.value}
                checked={consent === c.value}
                aria-describedby={`consent-${c.value}`}
                onChange={() => setConsent(c.value)}
              />
              <span>
                <strong>{c.title}</strong>
                <span class="small muted" id={`consent-${c.value}`}>
                  {' '}
                  {c.detail}
                </span>
              </span>
            </label>
          ))}
          {errors.consent && (
            <p class="error" id="consent-error">
              {errors.consent}
            </p>
          )}
        </fieldset>
        <button type="submit" class="primary" disabled={action.busy}>
          Send referral
        </button>
      </form>
    </main>
  );
}

/** The service's problem, with what the person can do about the refusals they can meet here. */
export function refusal(response: Response, body: unknown): Problem {
  const problem = toProblem(response.status, body, response.statusText);
  if (response.status === 404) {
    return {
      ...problem,
      title: 'This link no longer works',
      detail: 'The practice may have replaced it, or the campaign has ended. Ask the practice for a new link.',
    };
  }
  if (response.status === 429) {
    const wait = response.headers.get('Retry-After');
    return {
      ...problem,
      detail: `${problem.detail ?? 'Too many referrals at once.'}${wait ? ` Try again in ${wait} seconds.` : ' Try again in a minute.'}`,
    };
  }
  return problem;
}
