// Bookings (issue 30): consultations booked in Cal.com or Calendly that matched no referral by themselves (no
// referral code in the link, no open referral with the attendee's email). The practice matches each to its referral,
// found among its referrals with the referral list's API, or dismisses it; matched and dismissed ones stay listed.
import { useEffect, useRef, useState } from 'preact/hooks';
import { currentSession } from '../auth';
import { fitsSearch, matchedByWords, providerLabels, stateLabels, statusLabels } from '../bookings/words';
import {
  type BookingState,
  bookingStateValues,
  ok,
  type ReferralApi,
  referralApi,
  type ReferralStatus,
} from '../clients';
import { date, dateTime, label } from '../format';
import {
  Chip,
  Empty,
  Field,
  LoadState,
  Notice,
  PageHeader,
  ProblemBanner,
  Table,
  useAction,
  useLoad,
  useNotice,
} from '../ui';

type Booking = ReferralApi['Booking'];

/** The statuses a booking may be matched to: open referrals, and one already booked (referral-service's rule). */
const MATCHABLE: readonly ReferralStatus[] = ['received', 'contacted', 'consultation_booked'];
/** How many referrals the search shows at once: type more of the name or email to narrow it. */
const SHOWN = 8;

export function Bookings() {
  const [state, setState] = useState<BookingState>('unmatched');
  const list = useLoad(
    () => ok(referralApi.GET('/api/bookings', { params: { query: { state, size: 100 } } })),
    [state],
  );
  const integrations = useLoad(() => ok(referralApi.GET('/api/booking-integrations')), []);
  const [matching, setMatching] = useState<Booking>();
  const dismiss = useAction();
  const [notice, say] = useNotice();
  const mayChange = currentSession()?.role !== 'viewer';
  const unmatched = state === 'unmatched';

  return (
    <section>
      <PageHeader
        title="Bookings"
        subtitle="Consultations booked in Cal.com or Calendly that matched no referral by themselves: match or dismiss them"
      />
      <Notice text={notice} />
      <div class="tabs" role="group" aria-label="Which bookings">
        {bookingStateValues.map((value) => (
          <button
            key={value}
            type="button"
            aria-pressed={state === value}
            onClick={() => {
              setMatching(undefined);
              setState(value);
            }}
          >
            {stateLabels[value]}
          </button>
        ))}
      </div>
      <ProblemBanner problem={dismiss.problem} />
      <LoadState loaded={list}>
        {(page) =>
          (page.items ?? []).length === 0 ? (
            <Empty title={`No ${stateLabels[state].toLowerCase()} bookings.`}>
              {unmatched &&
                (integrations.data?.length === 0 ? (
                  <>
                    Connect your booking tool in <a href="/settings">Settings</a>: bookings then move their referrals
                    along by themselves, and the ones that match no referral wait here.
                  </>
                ) : (
                  'Every booking found its referral by itself.'
                ))}
            </Empty>
          ) : (
            <Table label={`${stateLabels[state]} bookings`}>
              <thead>
                <tr>
                  <th scope="col">Attendee</th>
                  <th scope="col">Email</th>
                  <th scope="col">Consultation</th>
                  <th scope="col">Booked in</th>
                  <th scope="col">Status</th>
                  <th scope="col">{unmatched ? 'Actions' : 'Referral'}</th>
                </tr>
              </thead>
              <tbody data-testid="bookings">
                {(page.items ?? []).map((b) => (
                  <tr key={b.id} data-testid="booking-row">
                    <td>{b.attendeeName ?? '—'}</td>
                    <td>{b.attendeeEmail ?? '—'}</td>
                    <td>{dateTime(b.startsAt)}</td>
                    <td>{b.provider ? providerLabels[b.provider] : '—'}</td>
                    <td>
                      {b.status && (
                        <Chip value={statusLabels[b.status]} tone={b.status === 'booked' ? 'info' : 'warn'} />
                      )}
                    </td>
                    <td class={unmatched ? 'actions' : undefined}>
                      {unmatched ? (
                        mayChange && (
                          <>
                            <button
                              type="button"
                              class="small"
                              aria-label={`Match the booking of ${b.attendeeName ?? b.attendeeEmail ?? 'this attendee'}`}
                              aria-expanded={matching?.id === b.id}
                              onClick={() => setMatching(matching?.id === b.id ? undefined : b)}
                            >
                              Match
                            </button>
                            <button
                              type="button"
                              class="small danger"
                              disabled={dismiss.busy}
                              aria-label={`Dismiss the booking of ${b.attendeeName ?? b.attendeeEmail ?? 'this attendee'}`}
                              onClick={async () => {
                                if (!confirm('Dismiss this booking? It will not be matched to a referral.')) return;
                                if (
                                  await dismiss.run(() =>
                                    ok(
                                      referralApi.POST('/api/bookings/{id}/dismiss', {
                                        params: { path: { id: b.id! } },
                                      }),
                                    ),
                                  )
                                ) {
                                  if (matching?.id === b.id) setMatching(undefined);
                                  say('Booking dismissed.');
                                  list.reload();
                                }
                              }}
                            >
                              Dismiss
                            </button>
                          </>
                        )
                      ) : b.referralId ? (
                        <>
                          <a href={`/referrals/${b.referralId}`}>Open the referral</a>
                          {b.matchedBy && <div class="muted small">{matchedByWords(b.matchedBy)}</div>}
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </LoadState>
      {matching && (
        <MatchPanel
          key={matching.id}
          booking={matching}
          onCancel={() => setMatching(undefined)}
          onMatched={(name) => {
            setMatching(undefined);
            say(`Matched to ${name}.`);
            list.reload();
          }}
        />
      )}
    </section>
  );
}

/** Finds the referral a booking belongs to among the practice's open referrals, and matches it. */
function MatchPanel(props: { booking: Booking; onCancel: () => void; onMatched: (name: string) => void }) {
  const b = props.booking;
  const attendee = b.attendeeName ?? b.attendeeEmail ?? 'this attendee';
  // The newest referrals the list API gives; the search narrows them here, by name or email.
  const referrals = useLoad(() => ok(referralApi.GET('/api/referrals', { params: { query: { size: 200 } } })), []);
  const [query, setQuery] = useState('');
  const action = useAction();
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.querySelector('input')?.focus();
  }, []);
  return (
    <section class="card stack" aria-labelledby="match-heading" ref={panel} data-testid="match-panel">
      <h2 id="match-heading">Match the booking of {attendee}</h2>
      <p class="muted">
        {dateTime(b.startsAt)} · {b.attendeeEmail ?? 'no email'}. Matching moves the referral to consultation booked
        with this time.
      </p>
      <ProblemBanner problem={action.problem} placed={['referralId']} />
      <Field
        label="Find the referral"
        name="referral-search"
        type="search"
        inputMode="search"
        value={query}
        onValue={setQuery}
        errors={action.errors}
        hint="The referred person's name or email, or the referrer's name: open referrals only"
      />
      <LoadState loaded={referrals}>
        {(page) => {
          const found = (page.items ?? []).filter(
            (r) => r.status && MATCHABLE.includes(r.status) && fitsSearch(r, query),
          );
          return found.length === 0 ? (
            <Empty title="No open referral fits.">
              Check the spelling, or dismiss the booking if it belongs to no referral.
            </Empty>
          ) : (
            <ul class="list" aria-label="Referrals that fit" data-testid="match-candidates">
              {found.slice(0, SHOWN).map((r) => (
                <li key={r.id}>
                  <div class="grow">
                    <a href={`/referrals/${r.id}`}>{r.referred?.name}</a>
                    <div class="muted small">
                      {r.referred?.email ?? 'no email'} · from {r.referrerName ?? 'someone new'} · received{' '}
                      {date(r.receivedAt)} · {label(r.status)}
                    </div>
                  </div>
                  <button
                    type="button"
                    class="small primary"
                    disabled={action.busy}
                    aria-label={`Match to ${r.referred?.name ?? 'this referral'}`}
                    onClick={async () => {
                      if (
                        await action.run(() =>
                          ok(
                            referralApi.POST('/api/bookings/{id}/match', {
                              params: { path: { id: b.id! } },
                              body: { referralId: r.id! },
                            }),
                          ),
                        )
                      ) {
                        props.onMatched(r.referred?.name ?? 'the referral');
                      }
                    }}
                  >
                    Match
                  </button>
                </li>
              ))}
              {found.length > SHOWN && (
                <li class="muted small">{found.length - SHOWN} more: type more of the name or email.</li>
              )}
            </ul>
          );
        }}
      </LoadState>
      <div class="actions">
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
