// Settings → Booking integration (issue 30): connect Cal.com or Calendly so that booked consultations move referrals
// along by themselves. The receiving URL's token is kept hashed by referral-service and a secret it makes is kept
// encrypted, so both are shown once, right after connecting or rotating, with where to paste them.
import { useState } from 'preact/hooks';
import { currentSession } from '../auth';
import { codeCarrier, pasteSteps, providerLabels, secretHints, secretRequired } from '../bookings/words';
import { type BookingProvider, bookingProviderValues, ok, type ReferralApi, referralApi } from '../clients';
import { dateTime } from '../format';
import { CopyButton, Field, LoadState, Notice, ProblemBanner, Select, useAction, useLoad, useNotice } from '../ui';

type BookingIntegration = ReferralApi['BookingIntegration'];
type BookingIntegrationSecret = ReferralApi['BookingIntegrationSecret'];

const PROVIDER_OPTIONS = bookingProviderValues.map((value) => ({ value, label: providerLabels[value] }));

export function BookingIntegrationSettings() {
  const integrations = useLoad(() => ok(referralApi.GET('/api/booking-integrations')), []);
  const [shown, setShown] = useState<{ secret: BookingIntegrationSecret; receivingUrlIsNew: boolean }>();
  const [notice, say] = useNotice();
  const mayChange = currentSession()?.role === 'owner';
  return (
    <section class="card stack" aria-labelledby="booking-integration-heading" data-testid="booking-integration">
      <h2 id="booking-integration-heading">Booking integration</h2>
      <p class="muted">
        Connect the calendar your consultations are booked in: a booking moves its referral to consultation booked by
        itself, and bookings that match no referral wait on the <a href="/bookings">Bookings</a> page.
      </p>
      <Notice text={notice} />
      {shown && (
        <ShownOnce
          secret={shown.secret}
          receivingUrlIsNew={shown.receivingUrlIsNew}
          onDone={() => setShown(undefined)}
        />
      )}
      <LoadState loaded={integrations}>
        {(list) =>
          list.length === 0 ? (
            mayChange ? (
              <Connect
                onConnected={(secret) => {
                  setShown({ secret, receivingUrlIsNew: true });
                  say(`${providerLabels[secret.provider ?? 'calcom']} connected.`);
                  integrations.reload();
                }}
              />
            ) : (
              <p>No booking integration yet. The practice's owner can connect one.</p>
            )
          ) : (
            list.map((integration) => (
              <Connected
                key={integration.id}
                integration={integration}
                mayChange={mayChange}
                onRotated={(secret, receivingUrlIsNew) => {
                  setShown({ secret, receivingUrlIsNew });
                  say('Rotated.');
                  integrations.reload();
                }}
                onRemoved={() => {
                  setShown(undefined);
                  say('Booking integration removed.');
                  integrations.reload();
                }}
              />
            ))
          )
        }
      </LoadState>
    </section>
  );
}

function Connect(props: { onConnected: (secret: BookingIntegrationSecret) => void }) {
  const [provider, setProvider] = useState<BookingProvider>('calcom');
  const [bookingPageUrl, setBookingPageUrl] = useState('');
  const [signingSecret, setSigningSecret] = useState('');
  const action = useAction();
  return (
    <form
      noValidate
      class="stack"
      aria-labelledby="booking-connect-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        let connected: BookingIntegrationSecret | undefined;
        const done = await action.run(async () => {
          connected = await ok(
            referralApi.POST('/api/booking-integrations', {
              body: { provider, bookingPageUrl, signingSecret: signingSecret || undefined },
            }),
          );
        });
        if (done && connected) {
          setSigningSecret('');
          props.onConnected(connected);
        }
      }}
    >
      <h3 id="booking-connect-heading">Connect a booking tool</h3>
      <ProblemBanner problem={action.problem} placed={['provider', 'bookingPageUrl', 'signingSecret']} />
      <Select
        label="Booking tool"
        name="provider"
        value={provider}
        onValue={setProvider}
        options={PROVIDER_OPTIONS}
        errors={action.errors}
      />
      <Field
        label="Booking page URL"
        name="bookingPageUrl"
        type="url"
        inputMode="url"
        value={bookingPageUrl}
        onValue={setBookingPageUrl}
        errors={action.errors}
        hint={`The page where people book a consultation, e.g. https://cal.com/your-practice/consultation; each referral's link carries its code in ${codeCarrier[provider]}`}
        required
      />
      <Field
        label="Signing secret"
        name="signingSecret"
        type="password"
        autoComplete="off"
        value={signingSecret}
        onValue={setSigningSecret}
        errors={action.errors}
        hint={secretHints[provider]}
        required={secretRequired[provider]}
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={action.busy}>
          Connect {providerLabels[provider]}
        </button>
      </div>
    </form>
  );
}

function Connected(props: {
  integration: BookingIntegration;
  mayChange: boolean;
  onRotated: (secret: BookingIntegrationSecret, receivingUrlIsNew: boolean) => void;
  onRemoved: () => void;
}) {
  const i = props.integration;
  const provider = i.provider ?? 'calcom';
  const name = providerLabels[provider];
  const [signingSecret, setSigningSecret] = useState('');
  const [newReceivingUrl, setNewReceivingUrl] = useState(false);
  const rotate = useAction();
  const remove = useAction();
  return (
    <div class="stack">
      <dl class="facts" data-testid="booking-integration-facts">
        <dt>Booking tool</dt>
        <dd>{name}</dd>
        <dt>Booking page</dt>
        <dd>{i.bookingPageUrl}</dd>
        <dt>Receiving URL</dt>
        <dd>
          <code>{i.receivingUrl}</code> <span class="muted small">(shortened: shown in full only once)</span>
        </dd>
        <dt>Connected</dt>
        <dd>{dateTime(i.connectedAt)}</dd>
        {i.rotatedAt && (
          <>
            <dt>Rotated</dt>
            <dd>{dateTime(i.rotatedAt)}</dd>
          </>
        )}
        <dt>Last booking received</dt>
        <dd>{i.lastDeliveryAt ? dateTime(i.lastDeliveryAt) : 'None yet'}</dd>
        <dt>Deliveries</dt>
        <dd data-testid="booking-deliveries">
          {i.deliveries ?? 0} accepted · {i.refused ?? 0} refused (a wrong signature, stale or malformed)
        </dd>
      </dl>
      {props.mayChange && (
        <>
          <form
            noValidate
            class="stack"
            aria-labelledby="booking-rotate-heading"
            onSubmit={async (e) => {
              e.preventDefault();
              let rotated: BookingIntegrationSecret | undefined;
              const done = await rotate.run(async () => {
                rotated = await ok(
                  referralApi.POST('/api/booking-integrations/{id}/rotate', {
                    params: { path: { id: i.id! } },
                    body: { signingSecret: signingSecret || undefined, newReceivingUrl: newReceivingUrl || undefined },
                  }),
                );
              });
              if (done && rotated) {
                setSigningSecret('');
                setNewReceivingUrl(false);
                props.onRotated(rotated, newReceivingUrl);
              }
            }}
          >
            <h3 id="booking-rotate-heading">Rotate the secret</h3>
            <ProblemBanner problem={rotate.problem} placed={['signingSecret', 'newReceivingUrl']} />
            <Field
              label="New signing secret"
              name="signingSecret"
              type="password"
              autoComplete="off"
              value={signingSecret}
              onValue={setSigningSecret}
              errors={rotate.errors}
              hint={secretHints[provider]}
              required={secretRequired[provider]}
            />
            <label class="check">
              <input
                type="checkbox"
                checked={newReceivingUrl}
                onChange={(e) => setNewReceivingUrl((e.target as HTMLInputElement).checked)}
              />{' '}
              Also a new receiving URL (the old one stops working at once)
            </label>
            <div class="actions">
              <button type="submit" disabled={rotate.busy}>
                Rotate
              </button>
            </div>
          </form>
          <ProblemBanner problem={remove.problem} />
          <div class="actions">
            <button
              type="button"
              class="danger"
              disabled={remove.busy}
              onClick={async () => {
                if (
                  !confirm(
                    `Remove the ${name} integration? Its receiving URL stops working at once; the bookings received stay.`,
                  )
                ) {
                  return;
                }
                if (
                  await remove.run(() =>
                    ok(referralApi.DELETE('/api/booking-integrations/{id}', { params: { path: { id: i.id! } } })),
                  )
                ) {
                  props.onRemoved();
                }
              }}
            >
              Remove {name}
            </button>
          </div>
        </>
      )}
    </div>
  );
}

/** The receiving URL and a secret the platform made, once: referral-service cannot show either again. */
function ShownOnce(props: { secret: BookingIntegrationSecret; receivingUrlIsNew: boolean; onDone: () => void }) {
  const s = props.secret;
  const provider = s.provider ?? 'calcom';
  return (
    <section class="card secret stack" aria-labelledby="booking-secret-heading" data-testid="booking-secret">
      <h3 id="booking-secret-heading">Paste these into {providerLabels[provider]} now</h3>
      <p>They are shown only this once. If one is lost, rotate the secret (and ask for a new receiving URL).</p>
      {props.receivingUrlIsNew && s.receivingUrl && (
        <div class="field">
          <label for="booking-receiving-url">Receiving URL</label>
          <div class="inline">
            <input id="booking-receiving-url" readOnly value={s.receivingUrl} class="grow" />
            <CopyButton text={s.receivingUrl} label="Copy URL" />
          </div>
        </div>
      )}
      {s.signingSecret && (
        <div class="field">
          <label for="booking-signing-secret">Signing secret</label>
          <div class="inline">
            <input id="booking-signing-secret" readOnly value={s.signingSecret} class="grow" />
            <CopyButton text={s.signingSecret} label="Copy secret" />
          </div>
        </div>
      )}
      <ol aria-label={`Where to paste them in ${providerLabels[provider]}`}>
        {pasteSteps[provider].map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <div class="actions">
        <button type="button" onClick={props.onDone}>
          Done
        </button>
      </div>
    </section>
  );
}
