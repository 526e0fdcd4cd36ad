import { useState } from 'preact/hooks';
import {
  type AgreementDirection,
  agreementDirectionValues,
  type AgreementKind,
  agreementKindValues,
  type CompensationType,
  compensationTypeValues,
  metricsApi,
  ok,
  partnerApi,
  type PartnerStage,
  referralApi,
  type TouchpointKind,
  touchpointKindValues,
} from '../clients';
import { date, dateTime, days, label, money, percent } from '../format';
import { stageProgress } from '../stage-progress';
import { PortalAccess } from './portal-access';
import {
  Chip,
  Empty,
  Field,
  LoadState,
  Notice,
  PageHeader,
  ProblemBanner,
  Select,
  Stat,
  Table,
  useAction,
  useLoad,
  useNotice,
} from '../ui';

// A flat fee is an amount, which the agreement form does not ask for; the other kinds of compensation are a percent.
const PERCENT_COMPENSATIONS = compensationTypeValues.filter((type) => type !== 'flat_fee');

export function PartnerDetail(props: { id: string }) {
  const id = props.id;
  const partner = useLoad(() => ok(partnerApi.GET('/api/partners/{id}', { params: { path: { id } } })), [id]);
  const [notice, say] = useNotice();
  return (
    <LoadState loaded={partner}>
      {(p) => (
        <section>
          <PageHeader
            title={p.name ?? 'Partner'}
            subtitle={[label(p.category), p.organization, p.email].filter(Boolean).join(' · ')}
          />
          <Notice text={notice} />
          <p>
            <a href="/partners">← All partners</a>
          </p>
          <div class="grid two">
            <Stage partner={p} onMoved={(to) => (say(`Moved to ${label(to)}.`), partner.reload())} />
            <section class="card" aria-labelledby="fit-heading">
              <h2 id="fit-heading">Fit</h2>
              {p.fit?.score == null ? (
                <Empty title="No fit score yet.">
                  Describe your ideal referral's niches in <a href="/settings">Settings</a> to score every partner.
                </Empty>
              ) : (
                <>
                  <p class="stat-value">{p.fit.score} / 100</p>
                  <ul>
                    {(p.fit.reasons ?? []).map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                </>
              )}
              <p class="muted small">
                Last touchpoint {date(p.lastTouchpointAt)} · next check-in {date(p.nextCheckInDue)}
              </p>
            </section>
          </div>
          <Numbers id={id} />
          <div class="grid two">
            <Touchpoints id={id} onLogged={() => (say('Touchpoint logged.'), partner.reload())} />
            <Agreements id={id} licensed={!!p.licensed} onChanged={() => partner.reload()} />
          </div>
          <PartnerReferrals id={id} />
          <PortalAccess partnerId={id} hasEmail={!!p.email} />
        </section>
      )}
    </LoadState>
  );
}

function Stage(props: {
  partner: { id?: string; stage?: string | null; allowedStages?: PartnerStage[] | null };
  onMoved: (to: string) => void;
}) {
  const id = props.partner.id!;
  const stage = props.partner.stage ?? 'identified';
  const history = useLoad(
    () => ok(partnerApi.GET('/api/partners/{id}/history', { params: { path: { id } } })),
    [id, stage],
  );
  const [to, setTo] = useState<PartnerStage | ''>('');
  const [reason, setReason] = useState('');
  const action = useAction();
  const moves = props.partner.allowedStages ?? [];
  const progress = stageProgress(stage);
  return (
    <section class="card stack" aria-labelledby="stage-heading">
      <h2 id="stage-heading">Relationship stage</h2>
      <p>
        <Chip value={stage} tone="info" />
      </p>
      {progress !== null && <progress max={1} value={progress} aria-label="Progress towards a trusted relationship" />}
      <form
        noValidate
        class="inline"
        onSubmit={async (e) => {
          e.preventDefault();
          const target = to || moves[0];
          if (
            await action.run(() =>
              ok(
                partnerApi.POST('/api/partners/{id}/stage-transitions', {
                  params: { path: { id } },
                  body: { to: target, reason: reason || undefined },
                }),
              ),
            )
          ) {
            setReason('');
            props.onMoved(target);
          }
        }}
      >
        <ProblemBanner problem={action.problem} placed={['to', 'reason']} />
        <Select
          label="Move to"
          name="to"
          value={to || moves[0]}
          onValue={setTo}
          options={moves}
          errors={action.errors}
        />
        {(to || moves[0]) === 'ended' && (
          <Field label="Reason" name="reason" value={reason} onValue={setReason} errors={action.errors} required />
        )}
        <button type="submit" disabled={action.busy}>
          Move
        </button>
      </form>
      <h3>Timeline</h3>
      <LoadState loaded={history}>
        {(changes) =>
          changes.length === 0 ? (
            <p class="muted">No stage changes yet.</p>
          ) : (
            <ol class="timeline">
              {changes.map((c, i) => (
                <li key={i}>
                  <strong>{label(c.to)}</strong> <span class="muted small">{dateTime(c.changedAt)}</span>
                  {(c.note || c.reason) && <div class="small">{c.note ?? c.reason}</div>}
                </li>
              ))}
            </ol>
          )
        }
      </LoadState>
    </section>
  );
}

function Numbers(props: { id: string }) {
  const numbers = useLoad(
    () => ok(metricsApi.GET('/api/metrics/partners/{partnerId}', { params: { path: { partnerId: props.id } } })),
    [props.id],
  );
  return (
    <section class="card" aria-labelledby="numbers-heading">
      <h2 id="numbers-heading">Their numbers</h2>
      {numbers.problem?.status === 404 ? (
        <Empty title="No referrals counted for this partner yet." />
      ) : (
        <LoadState loaded={numbers}>
          {(n) => (
            <div class="grid three" data-testid="partner-numbers">
              <Stat label="Received" value={n.referralsReceived ?? 0} />
              <Stat label="Converted" value={n.referralsConverted ?? 0} />
              <Stat label="Conversion rate" value={percent(Number(n.conversionRate ?? 0))} />
              <Stat
                label="Revenue"
                value={(n.revenue ?? []).map((a) => money(a.amount ?? 0, a.currency ?? 'USD')).join(' + ') || money(0)}
              />
              <Stat
                label="Time to convert"
                value={<span data-testid="days-to-convert">{days(n.averageDaysToConvert)}</span>}
                hint="On average, from received to converted"
              />
              <Stat
                label="Time to book"
                value={<span data-testid="days-to-book">{days(n.averageDaysToBook)}</span>}
                hint="On average, from received to consultation booked"
              />
            </div>
          )}
        </LoadState>
      )}
    </section>
  );
}

function Touchpoints(props: { id: string; onLogged: () => void }) {
  const list = useLoad(
    () => ok(partnerApi.GET('/api/partners/{partnerId}/touchpoints', { params: { path: { partnerId: props.id } } })),
    [props.id],
  );
  const [kind, setKind] = useState<TouchpointKind>('call');
  const [note, setNote] = useState('');
  const action = useAction();
  return (
    <section class="card stack" aria-labelledby="touchpoints-heading">
      <h2 id="touchpoints-heading">Touchpoints</h2>
      <form
        noValidate
        class="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          if (
            await action.run(() =>
              ok(
                partnerApi.POST('/api/partners/{partnerId}/touchpoints', {
                  params: { path: { partnerId: props.id } },
                  body: { kind, note: note || undefined },
                }),
              ),
            )
          ) {
            setNote('');
            list.reload();
            props.onLogged();
          }
        }}
      >
        <ProblemBanner problem={action.problem} placed={['kind', 'note']} />
        <Select
          label="Kind"
          name="kind"
          value={kind}
          onValue={setKind}
          options={touchpointKindValues}
          errors={action.errors}
        />
        <Field label="Note" name="note" value={note} onValue={setNote} errors={action.errors} multiline />
        <div class="actions">
          <button type="submit" disabled={action.busy}>
            Log touchpoint
          </button>
        </div>
      </form>
      <LoadState loaded={list}>
        {(page) =>
          (page.items ?? []).length === 0 ? (
            <p class="muted">None logged yet: a call, a coffee or a thank-you all count.</p>
          ) : (
            <ul class="list">
              {(page.items ?? []).map((t) => (
                <li key={t.id}>
                  <div class="grow">
                    <strong>{label(t.kind)}</strong> <span class="muted small">{dateTime(t.occurredAt)}</span>
                    {t.note && <div class="small">{t.note}</div>}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </section>
  );
}

function Agreements(props: { id: string; licensed: boolean; onChanged: () => void }) {
  const list = useLoad(
    () => ok(partnerApi.GET('/api/partners/{partnerId}/agreements', { params: { path: { partnerId: props.id } } })),
    [props.id],
  );
  const [kind, setKind] = useState<AgreementKind>('informal');
  const [direction, setDirection] = useState<AgreementDirection>('reciprocal');
  const [compensation, setCompensation] = useState<CompensationType>('none');
  const [percentValue, setPercentValue] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [endReason, setEndReason] = useState('');
  const action = useAction();
  const reload = () => (list.reload(), props.onChanged());
  return (
    <section class="card stack" aria-labelledby="agreements-heading">
      <h2 id="agreements-heading">Agreements</h2>
      <LoadState loaded={list}>
        {(items) =>
          items.length === 0 ? (
            <p class="muted">No agreement yet: the partner stays a source until one is active.</p>
          ) : (
            <ul class="list">
              {items.map((a) => (
                <li key={a.id}>
                  <div class="grow">
                    <strong>{label(a.kind)}</strong>, {label(a.direction)} <Chip value={a.status} tone="info" />
                    <div class="muted small">
                      from {date(a.effectiveFrom)}
                      {a.compensation?.type && a.compensation.type !== 'none' && ` · ${label(a.compensation.type)}`}
                      {a.compensation?.percent && ` ${a.compensation.percent}%`}
                    </div>
                  </div>
                  {a.status === 'active' && (
                    <form
                      noValidate
                      class="inline"
                      onSubmit={async (e) => {
                        e.preventDefault();
                        if (
                          await action.run(() =>
                            ok(
                              partnerApi.POST('/api/partners/{partnerId}/agreements/{agreementId}/end', {
                                params: { path: { partnerId: props.id, agreementId: a.id! } },
                                body: { reason: endReason },
                              }),
                            ),
                          )
                        ) {
                          setEndReason('');
                          reload();
                        }
                      }}
                    >
                      <Field
                        label="Why end it"
                        name="reason"
                        value={endReason}
                        onValue={setEndReason}
                        errors={action.errors}
                      />
                      <button type="submit">End</button>
                    </form>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
      <form
        noValidate
        class="stack"
        aria-label="New agreement"
        onSubmit={async (e) => {
          e.preventDefault();
          const paid = compensation !== 'none';
          if (
            await action.run(() =>
              ok(
                partnerApi.POST('/api/partners/{partnerId}/agreements', {
                  params: { path: { partnerId: props.id } },
                  body: {
                    kind,
                    direction,
                    compensation: { type: compensation, percent: paid ? percentValue : undefined },
                    feeDisclosedToClients: paid ? true : undefined,
                    complianceAcknowledged: paid && props.licensed ? acknowledged : undefined,
                  },
                }),
              ),
            )
          ) {
            reload();
          }
        }}
      >
        <h3>New agreement</h3>
        <ProblemBanner
          problem={action.problem}
          placed={[
            'kind',
            'direction',
            'compensation.type',
            'compensation.percent',
            'complianceAcknowledged',
            'reason',
          ]}
        />
        <div class="grid two">
          <Select
            label="Kind"
            name="kind"
            value={kind}
            onValue={setKind}
            options={agreementKindValues}
            errors={action.errors}
          />
          <Select
            label="Direction"
            name="direction"
            value={direction}
            onValue={setDirection}
            options={agreementDirectionValues}
            errors={action.errors}
          />
          <Select
            label="Compensation"
            name="compensation.type"
            value={compensation}
            onValue={setCompensation}
            options={PERCENT_COMPENSATIONS}
            errors={action.errors}
          />
          {compensation !== 'none' && (
            <Field
              label="Percent"
              name="compensation.percent"
              value={percentValue}
              onValue={setPercentValue}
              errors={action.errors}
              inputMode="decimal"
            />
          )}
        </div>
        {compensation !== 'none' && props.licensed && (
          <label class="check">
            <input
              type="checkbox"
              checked={acknowledged}
              onChange={(e) => setAcknowledged((e.target as HTMLInputElement).checked)}
            />{' '}
            I checked that this partner's licensing board allows the compensation
          </label>
        )}
        <div class="actions">
          <button type="submit" disabled={action.busy}>
            Create agreement
          </button>
        </div>
      </form>
    </section>
  );
}

function PartnerReferrals(props: { id: string }) {
  const list = useLoad(
    () => ok(referralApi.GET('/api/referrals', { params: { query: { partnerId: props.id, size: 50 } } })),
    [props.id],
  );
  return (
    <section class="card" aria-labelledby="partner-referrals-heading">
      <h2 id="partner-referrals-heading">Referrals from this partner</h2>
      <LoadState loaded={list}>
        {(page) =>
          (page.items ?? []).length === 0 ? (
            <Empty title="None yet." />
          ) : (
            <Table label="Referrals from this partner">
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Status</th>
                  <th scope="col">Received</th>
                </tr>
              </thead>
              <tbody>
                {(page.items ?? []).map((r) => (
                  <tr key={r.id}>
                    <td>
                      <a href={`/referrals/${r.id}`}>{r.referred?.name}</a>
                    </td>
                    <td>
                      <Chip value={r.status} tone={r.overdue ? 'bad' : 'info'} />
                    </td>
                    <td>{date(r.receivedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </LoadState>
    </section>
  );
}
