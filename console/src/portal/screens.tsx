// The signed-in partner's pages. Which backend answers each:
//   Home, Refer: referral-service GET/POST /api/portal/referrals
//   Rewards, Together: referral-service rewards, given referrals, balance
//   Messages: notification-service messages
//   Profile: partner-service profile, notification-service email preferences
import { useState } from 'preact/hooks';
import { idempotencyKey, ok } from '../clients';
import { date, dateTime } from '../format';
import { Chip, Empty, Field, LoadState, Notice, ProblemBanner, Stat, useAction, useLoad, useNotice } from '../ui';
import type { Viewer } from './app';
import {
  type EmailPreferences,
  type PortalConsent,
  type PortalProfile,
  type PortalReferral,
  portalNotificationApi,
  portalPartnerApi,
  portalReferralApi,
} from './api';
import { PortalHeader } from './ui';
import {
  consentChoices,
  messageKindWords,
  progressTone,
  progressWords,
  referralName,
  rewardStatusWords,
  rewardWhat,
  totals,
} from './words';

function ReferralItem(props: { referral: PortalReferral }) {
  const r = props.referral;
  const words = progressWords(r.progress);
  return (
    <li class="portal-item" data-testid="portal-referral">
      <div class="portal-item-head">
        <strong>{referralName(r.firstName)}</strong>
        <Chip value={words.title} tone={progressTone(r.progress)} />
      </div>
      <p class="small">{words.detail}</p>
      <p class="muted small">Referred {date(r.receivedAt)}</p>
    </li>
  );
}

export function Home(props: { viewer: Viewer }) {
  const list = useLoad(
    () => ok(portalReferralApi.GET('/api/portal/referrals', { params: { query: { size: 50 } } })),
    [],
  );
  const first = props.viewer.name.trim().split(/\s+/)[0];
  return (
    <section>
      <PortalHeader
        title="Your referrals"
        intro={`${first ? `Hello ${first}. ` : ''}Newest first, as far as each person agreed you may hear.`}
      />
      <p>
        <a class="button primary" href="/portal/refer">
          Refer someone
        </a>
      </p>
      <LoadState loaded={list}>
        {(page) =>
          (page.items ?? []).length === 0 ? (
            <Empty title="No referrals yet.">
              When you refer someone, you see here that it arrived, and more if they agree to it.
            </Empty>
          ) : (
            <ul class="portal-list" aria-label="Your referrals">
              {(page.items ?? []).map((r) => (
                <ReferralItem key={r.id} referral={r} />
              ))}
            </ul>
          )
        }
      </LoadState>
    </section>
  );
}

export function Refer(props: { viewer: Viewer }) {
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [need, setNeed] = useState('');
  const [consent, setConsent] = useState<PortalConsent | ''>('');
  const [key, setKey] = useState(idempotencyKey);
  const [sent, setSent] = useState<PortalReferral>();
  const action = useAction();
  if (sent) {
    const words = progressWords(sent.progress);
    return (
      <section>
        <PortalHeader title="Thank you" intro="Your referral has reached the practice." />
        <div class="card stack">
          <p role="status" data-testid="referral-sent">
            <strong>{referralName(sent.firstName ?? firstName)}</strong>: {words.title}. {words.detail}
          </p>
          <div class="actions">
            <a class="button primary" href="/portal/">
              See your referrals
            </a>
            <button
              type="button"
              onClick={() => {
                setSent(undefined);
                setFirstName('');
                setLastName('');
                setEmail('');
                setPhone('');
                setNeed('');
                setConsent('');
                setKey(idempotencyKey());
              }}
            >
              Refer someone else
            </button>
          </div>
        </div>
      </section>
    );
  }
  return (
    <section>
      <PortalHeader title="Refer someone" intro="The practice gets in touch with them. Ask them first." />
      <form
        noValidate
        class="card stack"
        aria-label="Refer someone"
        onSubmit={async (e) => {
          e.preventDefault();
          let answer: PortalReferral | undefined;
          if (
            await action.run(async () => {
              answer = await ok(
                portalReferralApi.POST('/api/portal/referrals', {
                  params: { header: { 'Idempotency-Key': key } },
                  body: {
                    firstName,
                    lastName: lastName || undefined,
                    email: email || undefined,
                    phone: phone || undefined,
                    need: need || undefined,
                    consent: consent as PortalConsent,
                  },
                }),
              );
            })
          ) {
            setSent(answer);
          }
        }}
      >
        {props.viewer.readOnly && <p class="muted">This is a read-only view: the form is shown but cannot be sent.</p>}
        <ProblemBanner
          problem={action.problem}
          placed={['firstName', 'lastName', 'email', 'phone', 'need', 'consent']}
        />
        <fieldset class="plain stack" disabled={props.viewer.readOnly}>
          <Field
            label="Their first name"
            name="firstName"
            value={firstName}
            onValue={setFirstName}
            errors={action.errors}
            autoComplete="off"
            required
          />
          <Field
            label="Their last name"
            name="lastName"
            value={lastName}
            onValue={setLastName}
            errors={action.errors}
            autoComplete="off"
          />
          <Field
            label="Their email"
            name="email"
            type="email"
            value={email}
            onValue={setEmail}
            errors={action.errors}
            autoComplete="off"
            inputMode="email"
            hint="An email or a phone number, so the practice can reach them"
          />
          <Field
            label="Their phone"
            name="phone"
            type="tel"
            value={phone}
            onValue={setPhone}
            errors={action.errors}
            autoComplete="off"
            inputMode="tel"
          />
          <Field
            label="What they are looking for"
            name="need"
            value={need}
            onValue={setNeed}
            errors={action.errors}
            multiline
            hint="Optional: a sentence helps the practice prepare"
          />
          <fieldset
            class={`choices${action.errors.consent ? ' invalid' : ''}`}
            aria-describedby={action.errors.consent ? 'consent-error' : undefined}
          >
            <legend>What may the practice tell you about how it goes?</legend>
            <p class="hint">They decide: choose what they agreed to.</p>
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
            {action.errors.consent && (
              <p class="error" id="consent-error">
                {action.errors.consent}
              </p>
            )}
          </fieldset>
          <button type="submit" class="primary" disabled={action.busy || props.viewer.readOnly}>
            Send referral
          </button>
        </fieldset>
      </form>
    </section>
  );
}

export function Rewards() {
  const list = useLoad(
    () => ok(portalReferralApi.GET('/api/portal/rewards', { params: { query: { size: 100 } } })),
    [],
  );
  return (
    <section>
      <PortalHeader
        title="Your rewards"
        intro="Fees the practice owes or paid you, and thank-yous in kind, under the terms you agreed."
      />
      <LoadState loaded={list}>
        {(page) =>
          (page.items ?? []).length === 0 ? (
            <Empty title="No rewards yet.">A reward appears here when a referral earns one under your agreement.</Empty>
          ) : (
            <ul class="portal-list" aria-label="Your rewards">
              {(page.items ?? []).map((r) => (
                <li class="portal-item" key={r.id} data-testid="portal-reward">
                  <div class="portal-item-head">
                    <strong>{rewardWhat(r)}</strong>
                    <Chip
                      value={rewardStatusWords(r.status)}
                      tone={r.status === 'paid' ? 'ok' : r.status === 'owed' ? 'info' : 'warn'}
                    />
                  </div>
                  <p class="muted small">
                    Earned {date(r.earnedAt)}
                    {r.paidAt && ` · paid ${date(r.paidAt)}`}
                    {r.waivedAt && ` · waived ${date(r.waivedAt)}`}
                    {!r.cash && ' · a thank-you in kind'}
                  </p>
                  {r.terms && (
                    <details>
                      <summary>Terms</summary>
                      <p class="small">{r.terms.summary}</p>
                      {r.terms.disclosure && (
                        <p class="small">
                          <strong>Disclosure:</strong> {r.terms.disclosure}
                        </p>
                      )}
                    </details>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </section>
  );
}

export function Messages() {
  const list = useLoad(
    () => ok(portalNotificationApi.GET('/api/portal/messages', { params: { query: { size: 50 } } })),
    [],
  );
  return (
    <section>
      <PortalHeader title="Messages" intro="Thank-yous and updates the practice sent you, newest first." />
      <LoadState loaded={list}>
        {(page) =>
          (page.items ?? []).length === 0 ? (
            <Empty title="No messages yet." />
          ) : (
            <ul class="portal-list" aria-label="Messages">
              {(page.items ?? []).map((m) => (
                <li class="portal-item" key={m.id}>
                  <div class="portal-item-head">
                    <strong>{m.subject}</strong>
                    <Chip value={messageKindWords(m.kind)} tone="info" />
                  </div>
                  <p class="muted small">{dateTime(m.sentAt)}</p>
                  <pre class="body">{m.body}</pre>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </section>
  );
}

export function Together() {
  const balance = useLoad(() => ok(portalReferralApi.GET('/api/portal/balance')), []);
  const given = useLoad(
    () => ok(portalReferralApi.GET('/api/portal/given-referrals', { params: { query: { size: 100 } } })),
    [],
  );
  return (
    <section>
      <PortalHeader title="Referrals to you" intro="To get referrals, give referrals: the relationship both ways." />
      <LoadState loaded={balance}>
        {(b) => (
          <div class="grid two portal-stats" data-testid="portal-balance">
            <Stat
              label="You referred"
              value={b.referralsFromYou}
              hint={`${b.convertedFromYou} became ${b.convertedFromYou === 1 ? 'a client' : 'clients'}`}
            />
            <Stat label="The practice referred to you" value={b.referralsToYou} />
            <Stat label="Owed to you" value={totals(b.owed)} />
            <Stat label="Paid to you" value={totals(b.paid)} />
          </div>
        )}
      </LoadState>
      <h2>People the practice sent you</h2>
      <LoadState loaded={given}>
        {(page) =>
          (page.items ?? []).length === 0 ? (
            <Empty title="None yet." />
          ) : (
            <ul class="portal-list" aria-label="People the practice sent you">
              {(page.items ?? []).map((g) => (
                <li class="portal-item" key={g.id}>
                  <strong>{date(g.givenOn)}</strong>
                  {g.need && <p class="small">{g.need}</p>}
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </section>
  );
}

const list = (text: string) =>
  text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

export function Profile(props: { viewer: Viewer }) {
  const profile = useLoad(() => ok(portalPartnerApi.GET('/api/portal/profile')), []);
  const preferences = useLoad(() => ok(portalNotificationApi.GET('/api/portal/email-preferences')), []);
  return (
    <section>
      <PortalHeader title="Your profile" intro="How the practice reaches you, and who you work with." />
      <LoadState loaded={profile}>{(p) => <ProfileForm profile={p} readOnly={props.viewer.readOnly} />}</LoadState>
      <LoadState loaded={preferences}>
        {(p) => <PreferencesForm preferences={p} readOnly={props.viewer.readOnly} />}
      </LoadState>
    </section>
  );
}

function ProfileForm(props: { profile: PortalProfile; readOnly: boolean }) {
  const p = props.profile;
  const [name, setName] = useState(p.name ?? '');
  const [phone, setPhone] = useState(p.phone ?? '');
  const [website, setWebsite] = useState(p.website ?? '');
  const [organization, setOrganization] = useState(p.organization ?? '');
  const [clients, setClients] = useState((p.clientsServed ?? []).join(', '));
  const [specialties, setSpecialties] = useState((p.specialties ?? []).join(', '));
  const action = useAction();
  const [notice, say] = useNotice();
  return (
    <form
      noValidate
      class="card stack"
      aria-labelledby="contact-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        if (
          await action.run(() =>
            ok(
              portalPartnerApi.PUT('/api/portal/profile', {
                body: {
                  name,
                  phone: phone || undefined,
                  website: website || undefined,
                  organization: organization || undefined,
                  clientsServed: list(clients),
                  specialties: list(specialties),
                },
              }),
            ),
          )
        ) {
          say('Profile saved.');
        }
      }}
    >
      <h2 id="contact-heading">Contact details</h2>
      <Notice text={notice} />
      <ProblemBanner
        problem={action.problem}
        placed={['name', 'phone', 'website', 'organization', 'clientsServed', 'specialties']}
      />
      <p class="small">
        Sign-in address: <strong>{p.email ?? '—'}</strong> <span class="muted">(ask the practice to change it)</span>
      </p>
      <fieldset class="plain stack" disabled={props.readOnly}>
        <Field label="Name" name="name" value={name} onValue={setName} errors={action.errors} required />
        <Field
          label="Phone"
          name="phone"
          type="tel"
          value={phone}
          onValue={setPhone}
          errors={action.errors}
          autoComplete="tel"
          inputMode="tel"
        />
        <Field
          label="Website"
          name="website"
          type="url"
          value={website}
          onValue={setWebsite}
          errors={action.errors}
          autoComplete="url"
          inputMode="url"
        />
        <Field
          label="Organization"
          name="organization"
          value={organization}
          onValue={setOrganization}
          errors={action.errors}
          autoComplete="organization"
        />
        <Field
          label="Clients you serve"
          name="clientsServed"
          value={clients}
          onValue={setClients}
          errors={action.errors}
          hint="Comma-separated, e.g. new parents, executives: it helps the practice send you the right people"
        />
        <Field
          label="Specialties"
          name="specialties"
          value={specialties}
          onValue={setSpecialties}
          errors={action.errors}
          hint="Comma-separated"
        />
        <button type="submit" class="primary" disabled={action.busy || props.readOnly}>
          Save profile
        </button>
      </fieldset>
    </form>
  );
}

const PREFERENCES: readonly [keyof EmailPreferences, string][] = [
  ['thankYous', 'Thank-yous for your referrals'],
  ['referralUpdates', 'Updates on how your referrals are going'],
  ['checkIns', 'Check-ins from the practice'],
  ['news', 'News from the practice'],
];

function PreferencesForm(props: { preferences: EmailPreferences; readOnly: boolean }) {
  const [prefs, setPrefs] = useState(props.preferences);
  const action = useAction();
  const [notice, say] = useNotice();
  return (
    <form
      noValidate
      class="card stack"
      aria-labelledby="emails-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await action.run(() => ok(portalNotificationApi.PUT('/api/portal/email-preferences', { body: prefs })))) {
          say('Email preferences saved.');
        }
      }}
    >
      <h2 id="emails-heading">Emails you get</h2>
      <Notice text={notice} />
      <ProblemBanner problem={action.problem} />
      <fieldset class="plain stack" disabled={props.readOnly}>
        <legend class="sr-only">Emails you get</legend>
        {PREFERENCES.map(([key, text]) => (
          <label class="check big" key={key}>
            <input
              type="checkbox"
              checked={prefs[key]}
              onChange={(e) => setPrefs({ ...prefs, [key]: (e.target as HTMLInputElement).checked })}
            />{' '}
            {text}
          </label>
        ))}
        <p class="hint">Sign-in links always arrive: you asked for them.</p>
        <button type="submit" disabled={action.busy || props.readOnly}>
          Save email preferences
        </button>
      </fieldset>
    </form>
  );
}
