import { useState } from 'preact/hooks';
import {
  type Consent,
  consentValues,
  idempotencyKey,
  ok,
  partnerApi,
  referralApi,
  type ReferralStatus,
  referralStatusValues,
} from '../clients';
import { consentLabels, date, relative } from '../format';
import { navigate } from '../router';
import {
  Chip,
  Empty,
  Field,
  LoadState,
  Notice,
  PageHeader,
  ProblemBanner,
  Select,
  Table,
  useAction,
  useLoad,
  useNotice,
} from '../ui';

/** The consents with what each lets the referrer learn, for the forms that ask for one. */
export const CONSENT_OPTIONS = consentValues.map((value) => ({ value, label: consentLabels[value] }));

export function Referrals() {
  const [status, setStatus] = useState<ReferralStatus | ''>('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const list = useLoad(
    () =>
      ok(
        referralApi.GET('/api/referrals', {
          params: {
            query: { status: status || undefined, overdue: overdueOnly ? true : undefined, size: 100 },
          },
        }),
      ),
    [status, overdueOnly],
  );
  const partners = useLoad(() => ok(partnerApi.GET('/api/partners', { params: { query: { size: 200 } } })), []);
  const [notice, say] = useNotice();
  const now = new Date();
  const partnerOptions = (partners.data?.items ?? []).map((p) => ({ value: p.id!, label: p.name ?? p.id! }));

  return (
    <section>
      <PageHeader
        title="Referrals"
        subtitle="People your partners sent you, newest first; late first contacts in red"
      />
      <Notice text={notice} />
      <div class="grid two">
        <RecordReferral
          partners={partnerOptions}
          onRecorded={(id) => {
            say('Referral recorded.');
            navigate(`/referrals/${id}`);
          }}
        />
        <GiveReferral partners={partnerOptions} onGiven={() => say('Referral given recorded.')} />
      </div>
      <form noValidate class="filters card" aria-label="Filter referrals" onSubmit={(e) => e.preventDefault()}>
        <Select
          label="Status"
          name="status"
          value={status}
          onValue={setStatus}
          options={referralStatusValues}
          blank="Any"
        />
        <label class="check">
          <input
            type="checkbox"
            checked={overdueOnly}
            onChange={(e) => setOverdueOnly((e.target as HTMLInputElement).checked)}
          />{' '}
          Only overdue first contacts
        </label>
      </form>
      <LoadState loaded={list}>
        {(page) =>
          (page.items ?? []).length === 0 ? (
            status || overdueOnly ? (
              <Empty title="No referral matches." />
            ) : (
              <Empty title="No referrals yet.">
                Record the first one above when a partner sends someone your way, or give your partners an{' '}
                <a href="/intake-links">intake link</a> for their forms.
              </Empty>
            )
          ) : (
            <Table label="Referrals inbox">
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">From</th>
                  <th scope="col">Status</th>
                  <th scope="col">Received</th>
                  <th scope="col">First contact due</th>
                </tr>
              </thead>
              <tbody>
                {(page.items ?? []).map((r) => (
                  <tr key={r.id} class={r.overdue ? 'overdue' : ''}>
                    <td>
                      <a href={`/referrals/${r.id}`}>{r.referred?.name}</a>
                    </td>
                    <td>{r.referrerName ?? '—'}</td>
                    <td>
                      <Chip value={r.status} tone={r.status === 'converted' ? 'ok' : 'info'} />
                      {r.overdue && <Chip value="overdue" tone="bad" />}
                    </td>
                    <td>{date(r.receivedAt)}</td>
                    <td>{r.status === 'received' ? relative(r.firstContactDueAt, now) : '—'}</td>
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

function RecordReferral(props: { partners: { value: string; label: string }[]; onRecorded: (id: string) => void }) {
  const [partnerId, setPartnerId] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [consent, setConsent] = useState<Consent>('outcome');
  const [note, setNote] = useState('');
  // One key per form: a retry after a lost answer records the referral once.
  const [key, setKey] = useState(idempotencyKey);
  const action = useAction();
  return (
    <form
      noValidate
      class="card stack"
      aria-labelledby="record-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        let id: string | undefined;
        const done = await action.run(async () => {
          const created = await ok(
            referralApi.POST('/api/referrals', {
              params: { header: { 'Idempotency-Key': key } },
              body: {
                partnerId: partnerId || props.partners[0]?.value,
                referred: { name, email: email || undefined, phone: phone || undefined },
                consent,
                note: note || undefined,
              },
            }),
          );
          id = created.id;
        });
        if (done && id) {
          setKey(idempotencyKey());
          props.onRecorded(id);
        }
      }}
    >
      <h2 id="record-heading">Record a referral received</h2>
      {props.partners.length === 0 ? (
        <Empty title="Add a partner first.">
          A referral names the partner who sent it: <a href="/partners">add them</a>.
        </Empty>
      ) : (
        <>
          <ProblemBanner
            problem={action.problem}
            placed={['partnerId', 'referred.name', 'referred.email', 'referred.phone', 'consent', 'note']}
          />
          <Select
            label="Referred by"
            name="partnerId"
            value={partnerId || props.partners[0].value}
            onValue={setPartnerId}
            options={props.partners}
            errors={action.errors}
          />
          <Field
            label="Person's name"
            name="referred.name"
            value={name}
            onValue={setName}
            errors={action.errors}
            required
          />
          <div class="grid two">
            <Field
              label="Email"
              name="referred.email"
              type="email"
              value={email}
              onValue={setEmail}
              errors={action.errors}
            />
            <Field
              label="Phone"
              name="referred.phone"
              type="tel"
              value={phone}
              onValue={setPhone}
              errors={action.errors}
            />
          </div>
          <Select
            label="Consent"
            name="consent"
            value={consent}
            onValue={setConsent}
            options={CONSENT_OPTIONS}
            errors={action.errors}
          />
          <Field label="Note" name="note" value={note} onValue={setNote} errors={action.errors} multiline />
          <div class="actions">
            <button type="submit" class="primary" disabled={action.busy}>
              Record referral
            </button>
          </div>
        </>
      )}
    </form>
  );
}

function GiveReferral(props: { partners: { value: string; label: string }[]; onGiven: () => void }) {
  const [partnerId, setPartnerId] = useState('');
  const [name, setName] = useState('');
  const [need, setNeed] = useState('');
  const [value, setValue] = useState('');
  const action = useAction();
  if (props.partners.length === 0) return null;
  return (
    <form
      noValidate
      class="card stack"
      aria-labelledby="give-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        if (
          await action.run(() =>
            ok(
              referralApi.POST('/api/referrals/given', {
                body: {
                  partnerId: partnerId || props.partners[0].value,
                  person: { name },
                  need,
                  estimatedValue: value || undefined,
                  currency: value ? 'USD' : undefined,
                },
              }),
            ),
          )
        ) {
          setName('');
          setNeed('');
          setValue('');
          props.onGiven();
        }
      }}
    >
      <h2 id="give-heading">Record a referral you gave</h2>
      <ProblemBanner problem={action.problem} placed={['partnerId', 'person.name', 'need', 'estimatedValue']} />
      <Select
        label="Given to"
        name="partnerId"
        value={partnerId || props.partners[0].value}
        onValue={setPartnerId}
        options={props.partners}
        errors={action.errors}
      />
      <Field label="Person's name" name="person.name" value={name} onValue={setName} errors={action.errors} required />
      <Field label="What they need" name="need" value={need} onValue={setNeed} errors={action.errors} />
      <Field
        label="Estimated value (USD)"
        name="estimatedValue"
        value={value}
        onValue={setValue}
        errors={action.errors}
        inputMode="decimal"
      />
      <div class="actions">
        <button type="submit" disabled={action.busy}>
          Record referral given
        </button>
      </div>
    </form>
  );
}
