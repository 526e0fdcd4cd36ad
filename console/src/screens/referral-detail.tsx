import { useState } from 'preact/hooks';
import { currentSession } from '../auth';
import { providerLabels, statusLabels } from '../bookings/words';
import { viaWords } from '../campaigns/words';
import { type Consent, ok, partnerApi, type ReferralApi, referralApi, type ReferralStatus } from '../clients';
import { dateTime, label, money, rewardTypeLabels } from '../format';
import { CONSENT_OPTIONS } from './referrals';
import {
  Chip,
  CopyButton,
  Field,
  LoadState,
  Notice,
  PageHeader,
  ProblemBanner,
  Select,
  Stat,
  useAction,
  useLoad,
  useNotice,
} from '../ui';

export function ReferralDetail(props: { id: string }) {
  const id = props.id;
  const referral = useLoad(() => ok(referralApi.GET('/api/referrals/{id}', { params: { path: { id } } })), [id]);
  const [notice, say] = useNotice();
  return (
    <LoadState loaded={referral}>
      {(r) => (
        <section>
          <PageHeader
            title={r.referred?.name ?? 'Referral'}
            subtitle={
              <>
                Referred by{' '}
                {r.partnerId ? (
                  <a href={`/partners/${r.partnerId}`}>{r.referrerName}</a>
                ) : (
                  (r.referrerName ?? 'someone new')
                )}{' '}
                · received {dateTime(r.receivedAt)}
              </>
            }
          />
          <Notice text={notice} />
          <p>
            <a href="/referrals">← All referrals</a>
          </p>
          <div class="grid four">
            <Stat label="Status" value={<span data-testid="referral-status">{label(r.status)}</span>} />
            <Stat label="Consent" value={label(r.consent)} />
            <Stat
              label="First contact due"
              value={dateTime(r.firstContactDueAt)}
              hint={r.overdue ? 'Overdue' : undefined}
            />
            <Stat label="Program value" value={r.programValue ? money(r.programValue, r.currency ?? 'USD') : '—'} />
          </div>
          {r.campaign && <CampaignLine campaign={r.campaign} />}
          <Consultation referral={r} />
          {r.note && <p class="card">{r.note}</p>}
          {r.status === 'converted' &&
            r.partnerId &&
            (r.attribution === 'verified' || r.attribution === 'confirmed') && (
              <PleasedCheckIn
                id={id}
                referral={r}
                onAnswered={(pleased) => (
                  say(pleased ? 'Recorded: pleased.' : 'Recorded: not pleased.'),
                  referral.reload()
                )}
              />
            )}
          <div class="grid two">
            <StatusMoves
              id={id}
              status={r.status ?? 'received'}
              allowedStatuses={r.allowedStatuses ?? []}
              onChanged={(to) => {
                say(`Now ${label(to)}.`);
                referral.reload();
              }}
            />
            <ConsentCard
              id={id}
              consent={r.consent ?? 'none'}
              onChanged={() => (say('Consent recorded.'), referral.reload())}
            />
          </div>
          <div class="grid two">
            <History id={id} version={r.status ?? ''} />
            <Rewards id={id} version={r.status ?? ''} />
          </div>
        </section>
      )}
    </LoadState>
  );
}

/**
 * The consultation booked through the practice's booking tool (issue 30): when, and how the booking stands; and the
 * referral's own booking link (the practice's booking page with the referral's code), to pass on so that the booking
 * comes back matched.
 */
function Consultation(props: { referral: ReferralApi['Referral'] }) {
  const { consultationAt, booking, bookingLink } = props.referral;
  return (
    <section class="card stack" aria-labelledby="consultation-heading" data-testid="consultation">
      <h2 id="consultation-heading">Consultation</h2>
      <p>
        {consultationAt ? (
          <>
            Booked for <strong data-testid="consultation-at">{dateTime(consultationAt)}</strong>
          </>
        ) : booking ? (
          <>The consultation booked for {dateTime(booking.startsAt)} is no longer on</>
        ) : (
          'No consultation booked through your booking tool yet'
        )}
        {booking?.status && (
          <>
            {' '}
            <span data-testid="booking-status">
              <Chip
                value={statusLabels[booking.status]}
                tone={booking.status === 'booked' ? 'ok' : booking.status === 'cancelled' ? 'warn' : 'bad'}
              />
            </span>
          </>
        )}
        {booking?.provider && <span class="muted small"> in {providerLabels[booking.provider]}</span>}
      </p>
      {bookingLink ? (
        <div class="field">
          <label for="referral-booking-link">Booking link for this referral</label>
          <div class="inline">
            <input
              id="referral-booking-link"
              readOnly
              value={bookingLink}
              class="grow"
              aria-describedby="referral-booking-link-hint"
              data-testid="booking-link"
            />
            <CopyButton text={bookingLink} label="Copy link" />
          </div>
          <p class="hint" id="referral-booking-link-hint">
            A booking made through it comes back matched to this referral.
          </p>
        </div>
      ) : (
        <p class="muted small">
          Connect your booking tool in <a href="/settings">Settings</a> to give each referral a booking link.
        </p>
      )}
    </section>
  );
}

/**
 * The campaign this referral counts for (issue 29): its name from partner-service (one read; "a campaign" when it
 * cannot be read), the partner's variant, and how it came.
 */
function CampaignLine(props: { campaign: ReferralApi['ReferralCampaign'] }) {
  const { campaignId, variant, via } = props.campaign;
  const campaign = useLoad(
    () =>
      campaignId
        ? ok(partnerApi.GET('/api/campaigns/{id}', { params: { path: { id: campaignId } } }))
        : Promise.resolve(undefined),
    [campaignId],
  );
  const name = campaign.data?.name;
  return (
    <p class="small" data-testid="referral-campaign">
      <strong>Campaign</strong> {campaignId && name ? <a href={`/campaigns/${campaignId}`}>{name}</a> : 'a campaign'}
      {variant && <> · variant {variant}</>}
      {via && <> · {viaWords[via]}</>}
    </p>
  );
}

/**
 * A converted referral's pleased check-in: is the person the partner referred pleased? The stored answer, and the two
 * answers to record (a second replaces the first). A pleased answer lets a running campaign that asks after a pleased
 * check-in ask the partner, at most once per referral; referral-service refuses a referral without one (409), and its
 * detail is shown as it comes.
 */
function PleasedCheckIn(props: {
  id: string;
  referral: ReferralApi['Referral'];
  onAnswered: (pleased: boolean) => void;
}) {
  const r = props.referral;
  const action = useAction();
  const [askedNow, setAskedNow] = useState(false);
  const mayWrite = currentSession()?.role !== 'viewer';
  const person = r.referred?.name ?? 'the person';
  const answer = async (pleased: boolean) => {
    const done = await action.run(() =>
      ok(
        referralApi.POST('/api/referrals/{id}/pleased-check-in', {
          params: { path: { id: props.id } },
          body: { pleased },
        }),
      ),
    );
    if (done) {
      setAskedNow(pleased);
      props.onAnswered(pleased);
    }
  };
  return (
    <section class="card stack" aria-labelledby="pleased-heading" data-testid="pleased-check-in">
      <h2 id="pleased-heading">Pleased check-in</h2>
      <p>
        Is {person} pleased with your work?{' '}
        <span data-testid="pleased-answer">
          {r.pleased === true
            ? `Yes, recorded ${dateTime(r.pleasedAnsweredAt)}.`
            : r.pleased === false
              ? `No, recorded ${dateTime(r.pleasedAnsweredAt)}.`
              : 'Not answered yet.'}
        </span>
      </p>
      <ProblemBanner problem={action.problem} />
      {mayWrite && (
        <div class="actions" role="group" aria-labelledby="pleased-heading">
          <button
            type="button"
            disabled={action.busy}
            aria-pressed={r.pleased === true}
            onClick={() => void answer(true)}
          >
            Yes, pleased
          </button>
          <button
            type="button"
            disabled={action.busy}
            aria-pressed={r.pleased === false}
            onClick={() => void answer(false)}
          >
            Not pleased
          </button>
        </div>
      )}
      {askedNow && (
        <p class="small muted" role="status" data-testid="pleased-campaign-note">
          A running campaign that asks after a pleased check-in now asks {r.referrerName ?? 'the partner'}, if they are
          in its audience.
        </p>
      )}
    </section>
  );
}

/** The moves the referral-service allows from here; a conversion has its own form, for its program value. */
function StatusMoves(props: {
  id: string;
  status: string;
  allowedStatuses: ReferralStatus[];
  onChanged: (to: string) => void;
}) {
  const moves = props.allowedStatuses.filter((m) => m !== 'converted');
  const [to, setTo] = useState<ReferralStatus | ''>('');
  const [note, setNote] = useState('');
  const [programValue, setProgramValue] = useState('');
  const [currency, setCurrency] = useState('USD');
  const move = useAction();
  const convert = useAction();
  if (props.allowedStatuses.length === 0) {
    return (
      <section class="card">
        <h2>Status</h2>
        <p>
          <Chip value={props.status} tone={props.status === 'converted' ? 'ok' : 'info'} /> is final.
        </p>
      </section>
    );
  }
  return (
    <section class="card stack" aria-labelledby="status-heading">
      <h2 id="status-heading">Move it along</h2>
      <form
        noValidate
        class="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          const target = to || moves[0];
          if (
            await move.run(() =>
              ok(
                referralApi.POST('/api/referrals/{id}/status', {
                  params: { path: { id: props.id } },
                  body: { status: target, note: note || undefined },
                }),
              ),
            )
          ) {
            setNote('');
            setTo('');
            props.onChanged(target);
          }
        }}
      >
        <ProblemBanner problem={move.problem} placed={['status', 'note']} />
        <Select
          label="New status"
          name="status"
          value={to || moves[0]}
          onValue={setTo}
          options={moves}
          errors={move.errors}
        />
        <Field label="Note" name="note" value={note} onValue={setNote} errors={move.errors} />
        <div class="actions">
          <button type="submit" disabled={move.busy}>
            Change status
          </button>
        </div>
      </form>
      {props.allowedStatuses.includes('converted') && (
        <form
          noValidate
          class="stack"
          aria-labelledby="convert-heading"
          onSubmit={async (e) => {
            e.preventDefault();
            if (
              await convert.run(() =>
                ok(
                  referralApi.POST('/api/referrals/{id}/conversion', {
                    params: { path: { id: props.id } },
                    body: { programValue, currency },
                  }),
                ),
              )
            ) {
              props.onChanged('converted');
            }
          }}
        >
          <h3 id="convert-heading">Became a client</h3>
          <ProblemBanner problem={convert.problem} placed={['programValue', 'currency']} />
          <div class="grid two">
            <Field
              label="Program value"
              name="programValue"
              value={programValue}
              onValue={setProgramValue}
              errors={convert.errors}
              inputMode="decimal"
              hint="e.g. 1500.00"
              required
            />
            <Field
              label="Currency"
              name="currency"
              value={currency}
              onValue={setCurrency}
              errors={convert.errors}
              required
            />
          </div>
          <div class="actions">
            <button type="submit" class="primary" disabled={convert.busy}>
              Convert
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function ConsentCard(props: { id: string; consent: Consent; onChanged: () => void }) {
  const [consent, setConsent] = useState<Consent>(props.consent);
  const history = useLoad(
    () => ok(referralApi.GET('/api/referrals/{id}/consent-history', { params: { path: { id: props.id } } })),
    [props.id, props.consent],
  );
  const action = useAction();
  return (
    <section class="card stack" aria-labelledby="consent-heading">
      <h2 id="consent-heading">Consent</h2>
      <form
        noValidate
        class="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          if (
            await action.run(() =>
              ok(
                referralApi.PUT('/api/referrals/{id}/consent', {
                  params: { path: { id: props.id } },
                  body: { consent },
                }),
              ),
            )
          ) {
            props.onChanged();
          }
        }}
      >
        <ProblemBanner problem={action.problem} placed={['consent']} />
        <Select
          label="What the referrer may learn"
          name="consent"
          value={consent}
          onValue={setConsent}
          options={CONSENT_OPTIONS}
          errors={action.errors}
        />
        <div class="actions">
          <button type="submit" disabled={action.busy || consent === props.consent}>
            Record consent
          </button>
        </div>
      </form>
      <h3>History</h3>
      <LoadState loaded={history}>
        {(changes) => (
          <ol class="timeline">
            {changes.map((c, i) => (
              <li key={i}>
                <strong>{label(c.consent)}</strong> <span class="muted small">{dateTime(c.changedAt)}</span>
              </li>
            ))}
          </ol>
        )}
      </LoadState>
    </section>
  );
}

function History(props: { id: string; version: string }) {
  const history = useLoad(
    () => ok(referralApi.GET('/api/referrals/{id}/history', { params: { path: { id: props.id } } })),
    [props.id, props.version],
  );
  return (
    <section class="card" aria-labelledby="history-heading">
      <h2 id="history-heading">Status history</h2>
      <LoadState loaded={history}>
        {(changes) => (
          <ol class="timeline">
            {changes.map((c, i) => (
              <li key={i}>
                <strong>{label(c.to)}</strong> <span class="muted small">{dateTime(c.changedAt)}</span>
                {c.note && <div class="small">{c.note}</div>}
              </li>
            ))}
          </ol>
        )}
      </LoadState>
    </section>
  );
}

/** Fees owed to the partner under their agreement, and rewards, once the referral converted. */
function Rewards(props: { id: string; version: string }) {
  const rewards = useLoad(
    () => ok(referralApi.GET('/api/rewards', { params: { query: { referralId: props.id, size: 50 } } })),
    [props.id, props.version],
  );
  return (
    <section class="card" aria-labelledby="rewards-heading">
      <h2 id="rewards-heading">Fees and rewards</h2>
      <LoadState loaded={rewards}>
        {(page) =>
          (page.items ?? []).length === 0 ? (
            <p class="muted">
              None: a fee is owed when a partner with a paid agreement sends a referral that converts.
            </p>
          ) : (
            <ul class="list">
              {(page.items ?? []).map((w) => (
                <li key={w.id}>
                  <div class="grow">
                    <strong>{w.type ? rewardTypeLabels[w.type] : 'Reward'}</strong> to the {w.beneficiary}:{' '}
                    {money(w.amount, w.currency ?? 'USD')}
                    {w.percent && <span class="muted small"> ({w.percent}%)</span>}
                  </div>
                  <Chip value={w.status} tone={w.status === 'owed' ? 'warn' : 'ok'} />
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </section>
  );
}
