import { useState } from 'preact/hooks';
import { ok, referralApi } from '../clients';
import { dateTime } from '../format';
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

/** Shown once, right after a link is created or rotated: the service keeps only a hash of the token. */
interface Secret {
  name: string;
  url: string;
  signingSecret?: string | null;
}

export function IntakeLinks() {
  const list = useLoad(() => ok(referralApi.GET('/api/intake-links', { params: { query: { size: 100 } } })), []);
  const [name, setName] = useState('');
  const [signed, setSigned] = useState(false);
  const [secret, setSecret] = useState<Secret>();
  const create = useAction();
  const manage = useAction();
  const [notice, say] = useNotice();
  const show = (link: { name?: string | null; token?: string | null; signingSecret?: string | null }) =>
    setSecret({
      name: link.name ?? '',
      url: `${location.origin}/api/intake/${link.token}`,
      signingSecret: link.signingSecret,
    });

  return (
    <section>
      <PageHeader
        title="Intake links"
        subtitle="Addresses your website form or a Zapier-style tool posts referrals to, without signing in"
      />
      <Notice text={notice} />
      {secret && <SecretCard secret={secret} onCopied={() => say('Copied.')} onClose={() => setSecret(undefined)} />}
      <form
        noValidate
        class="card stack"
        aria-labelledby="new-link-heading"
        onSubmit={async (e) => {
          e.preventDefault();
          let created: Parameters<typeof show>[0] | undefined;
          if (
            await create.run(async () => {
              created = await ok(referralApi.POST('/api/intake-links', { body: { name, signed } }));
            })
          ) {
            setName('');
            show(created!);
            list.reload();
          }
        }}
      >
        <h2 id="new-link-heading">New intake link</h2>
        <ProblemBanner problem={create.problem} placed={['name', 'signed']} />
        <Field
          label="Name"
          name="name"
          value={name}
          onValue={setName}
          errors={create.errors}
          hint="Where it is used, e.g. Website referral form"
          required
        />
        <label class="check">
          <input type="checkbox" checked={signed} onChange={(e) => setSigned((e.target as HTMLInputElement).checked)} />{' '}
          Require signed requests (Standard Webhooks)
        </label>
        <div class="actions">
          <button type="submit" class="primary" disabled={create.busy}>
            Create link
          </button>
        </div>
      </form>
      <ProblemBanner problem={manage.problem} />
      <LoadState loaded={list}>
        {(page) =>
          (page.items ?? []).length === 0 ? (
            <Empty title="No intake links yet.">
              Create one for each form or tool that sends you referrals; you can rotate or revoke it at any time.
            </Empty>
          ) : (
            <Table label="Intake links">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Created</th>
                  <th scope="col">Limits</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody data-testid="intake-links">
                {(page.items ?? []).map((l) => (
                  <tr key={l.id}>
                    <td>
                      {l.name} {l.signed && <Chip value="signed" tone="info" />}
                      {l.revokedAt && <Chip value="revoked" tone="bad" />}
                    </td>
                    <td>{dateTime(l.rotatedAt ?? l.createdAt)}</td>
                    <td class="small">
                      {l.rateLimitPerMinute}/min · {l.dailyCap}/day
                    </td>
                    <td class="actions">
                      {!l.revokedAt && (
                        <>
                          <button
                            type="button"
                            class="small"
                            aria-label={`Rotate ${l.name}`}
                            onClick={async () => {
                              let rotated: Parameters<typeof show>[0] | undefined;
                              if (
                                await manage.run(async () => {
                                  rotated = await ok(
                                    referralApi.POST('/api/intake-links/{id}/rotate', {
                                      params: { path: { id: l.id! } },
                                    }),
                                  );
                                })
                              ) {
                                show(rotated!);
                                list.reload();
                              }
                            }}
                          >
                            Rotate
                          </button>
                          <button
                            type="button"
                            class="small danger"
                            aria-label={`Revoke ${l.name}`}
                            onClick={async () => {
                              if (!confirm(`Revoke “${l.name}”? Requests to it will be refused.`)) return;
                              if (
                                await manage.run(() =>
                                  ok(referralApi.DELETE('/api/intake-links/{id}', { params: { path: { id: l.id! } } })),
                                )
                              ) {
                                say('Link revoked.');
                                list.reload();
                              }
                            }}
                          >
                            Revoke
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </LoadState>
      <HowToSign />
    </section>
  );
}

function SecretCard(props: { secret: Secret; onCopied: () => void; onClose: () => void }) {
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      props.onCopied();
    } catch {
      // No clipboard permission: the text stays selectable.
    }
  };
  return (
    <section class="card secret" aria-labelledby="secret-heading">
      <h2 id="secret-heading">“{props.secret.name}” is ready</h2>
      <p>Copy it now: it is shown only this once. Rotate the link if it is lost.</p>
      <div class="field">
        <label for="intake-url">Intake URL</label>
        <div class="inline">
          <input id="intake-url" readOnly value={props.secret.url} data-testid="intake-url" />
          <button type="button" onClick={() => copy(props.secret.url)}>
            Copy URL
          </button>
        </div>
      </div>
      {props.secret.signingSecret && (
        <div class="field">
          <label for="signing-secret">Signing secret</label>
          <div class="inline">
            <input id="signing-secret" readOnly value={props.secret.signingSecret} />
            <button type="button" onClick={() => copy(props.secret.signingSecret!)}>
              Copy secret
            </button>
          </div>
        </div>
      )}
      <button type="button" onClick={props.onClose}>
        Done
      </button>
    </section>
  );
}

function HowToSign() {
  return (
    <details class="card">
      <summary>How to send referrals, and how to sign requests</summary>
      <p>
        POST JSON to the intake URL, with an <code>Idempotency-Key</code> header so that a retry records the referral
        once:
      </p>
      <pre>{`curl -H 'Content-Type: application/json' -H 'Idempotency-Key: form-123' \\
  -d '{"referrer":{"name":"Casey Morgan","email":"casey@example.com"},
       "referred":{"name":"Avery Quinn","email":"avery@example.com"},"consent":"outcome"}' \\
  INTAKE_URL`}</pre>
      <p>
        A signed link also needs the Standard Webhooks headers <code>webhook-id</code>, <code>webhook-timestamp</code>{' '}
        (Unix seconds, within five minutes) and <code>webhook-signature</code>: <code>v1,</code> followed by the base64
        HMAC-SHA256, keyed with the secret's bytes after <code>whsec_</code> (base64-decoded), of{' '}
        <code>id.timestamp.body</code>.
      </p>
    </details>
  );
}
