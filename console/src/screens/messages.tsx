import { useEffect, useState } from 'preact/hooks';
import {
  type NotificationKind,
  notificationKindValues,
  type NotificationStatus,
  notificationApi,
  ok,
} from '../clients';
import { currentSession } from '../auth';
import { dateTime, label } from '../format';
import {
  Chip,
  Empty,
  Field,
  LoadState,
  Notice,
  PageHeader,
  ProblemBanner,
  Select,
  useAction,
  useLoad,
  useNotice,
} from '../ui';

const TABS = [
  { value: 'drafted', label: 'To review' },
  { value: 'sent', label: 'Sent' },
  { value: 'failed', label: 'Failed' },
  { value: 'templates', label: 'Templates' },
] as const satisfies readonly { value: NotificationStatus | 'templates'; label: string }[];

export function Messages() {
  const [tab, setTab] = useState<(typeof TABS)[number]['value']>('drafted');
  return (
    <section>
      <PageHeader title="Messages" subtitle="Thank-yous and updates written in your name: review, edit and send" />
      <div class="tabs" role="group" aria-label="Which messages">
        {TABS.map((t) => (
          <button key={t.value} type="button" aria-pressed={tab === t.value} onClick={() => setTab(t.value)}>
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'templates' ? <Templates /> : <MessageList status={tab} />}
    </section>
  );
}

function MessageList(props: { status: 'drafted' | 'sent' | 'failed' }) {
  const list = useLoad(
    () => ok(notificationApi.GET('/api/notifications', { params: { query: { status: props.status, size: 50 } } })),
    [props.status],
  );
  const [notice, say] = useNotice();
  return (
    <>
      <Notice text={notice} />
      <LoadState loaded={list}>
        {(page) =>
          (page.items ?? []).length === 0 ? (
            <Empty
              title={
                props.status === 'drafted'
                  ? 'Nothing to review.'
                  : props.status === 'sent'
                    ? 'Nothing sent yet.'
                    : 'No failed messages.'
              }
            >
              {props.status === 'drafted' &&
                'A thank-you is drafted for every referral a partner sends; it waits here for you.'}
            </Empty>
          ) : (
            <ul class="messages" aria-label={`${label(props.status)} messages`}>
              {(page.items ?? []).map((n) => (
                <li key={n.id} class="card">
                  {props.status === 'drafted' ? (
                    <Draft
                      message={n}
                      onDone={(text) => {
                        say(text);
                        list.reload();
                      }}
                    />
                  ) : (
                    <article>
                      <h2 class="h3">{n.subject}</h2>
                      <p class="muted small">
                        {label(n.kind)} to {n.recipientName} · {dateTime(n.sentAt ?? n.updatedAt)}{' '}
                        <Chip value={n.status} tone={n.status === 'sent' ? 'ok' : 'bad'} />
                      </p>
                      {n.lastError && <p class="error">{n.lastError}</p>}
                      <pre class="body">{n.body}</pre>
                    </article>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </>
  );
}

function Draft(props: {
  message: {
    id?: string;
    subject?: string | null;
    body?: string | null;
    kind?: string | null;
    recipientName?: string | null;
  };
  onDone: (notice: string) => void;
}) {
  const m = props.message;
  const [subject, setSubject] = useState(m.subject ?? '');
  const [body, setBody] = useState(m.body ?? '');
  const action = useAction();
  const id = m.id!;
  const edited = subject !== (m.subject ?? '') || body !== (m.body ?? '');
  return (
    <form
      noValidate
      class="stack"
      aria-label={`${label(m.kind)} to ${m.recipientName}`}
      onSubmit={async (e) => {
        e.preventDefault();
        const sent = await action.run(async () => {
          if (edited) {
            await ok(
              notificationApi.PATCH('/api/notifications/{id}', { params: { path: { id } }, body: { subject, body } }),
            );
          }
          await ok(notificationApi.POST('/api/notifications/{id}/send', { params: { path: { id } } }));
        });
        if (sent) props.onDone(`Sent to ${m.recipientName}.`);
      }}
    >
      <p class="muted small">
        {label(m.kind)} to <strong>{m.recipientName}</strong>
      </p>
      <ProblemBanner problem={action.problem} placed={['subject', 'body']} />
      <Field label="Subject" name="subject" value={subject} onValue={setSubject} errors={action.errors} />
      <Field label="Message" name="body" value={body} onValue={setBody} errors={action.errors} multiline />
      <div class="actions">
        <button type="submit" class="primary" disabled={action.busy}>
          {edited ? 'Save and send' : 'Send'}
        </button>
        <button
          type="button"
          disabled={action.busy}
          onClick={async () => {
            if (
              await action.run(() =>
                ok(notificationApi.POST('/api/notifications/{id}/dismiss', { params: { path: { id } } })),
              )
            ) {
              props.onDone('Dismissed.');
            }
          }}
        >
          Dismiss
        </button>
      </div>
    </form>
  );
}

// Every kind of message has a template but the practice's own daily digest, which is a list, not a letter, and a
// campaign's ask, whose text is the campaign's own variant (notification-service keeps no template for either).
const TEMPLATED_KINDS = notificationKindValues.filter((kind) => kind !== 'daily_digest' && kind !== 'campaign_ask');

function Templates() {
  const [kind, setKind] = useState<NotificationKind>(TEMPLATED_KINDS[0]);
  const template = useLoad(
    () => ok(notificationApi.GET('/api/templates/{kind}', { params: { path: { kind: kind } } })),
    [kind],
  );
  return (
    <section class="stack">
      <Select label="Template" name="kind" value={kind} onValue={setKind} options={TEMPLATED_KINDS} />
      <LoadState loaded={template}>
        {(t) => <TemplateEditor key={kind} kind={kind} template={t} onSaved={() => template.reload()} />}
      </LoadState>
    </section>
  );
}

function TemplateEditor(props: {
  kind: NotificationKind;
  template: { subject?: string | null; body?: string | null; custom?: boolean; placeholders?: string[] | null };
  onSaved: () => void;
}) {
  const [subject, setSubject] = useState(props.template.subject ?? '');
  const [body, setBody] = useState(props.template.body ?? '');
  const [preview, setPreview] = useState<{ subject?: string | null; text?: string | null }>();
  const previewAction = useAction();
  const renderPreview = previewAction.run;
  const save = useAction();
  const [notice, say] = useNotice();
  // Rendering a template is for those who may edit it (the service refuses a viewer).
  const mayRender = currentSession()?.role !== 'viewer';
  // Live preview: rendered by the service with sample values, a moment after typing stops.
  useEffect(() => {
    if (!mayRender) return;
    const timer = window.setTimeout(() => {
      void renderPreview(async () => {
        setPreview(
          await ok(
            notificationApi.POST('/api/templates/{kind}/preview', {
              params: { path: { kind: props.kind } },
              body: { subject, body },
            }),
          ),
        );
      });
    }, 300);
    return () => window.clearTimeout(timer);
  }, [subject, body, props.kind, mayRender, renderPreview]);
  return (
    <div class="grid two">
      <form
        noValidate
        class="card stack"
        aria-label="Edit template"
        onSubmit={async (e) => {
          e.preventDefault();
          if (
            await save.run(() =>
              ok(
                notificationApi.PUT('/api/templates/{kind}', {
                  params: { path: { kind: props.kind } },
                  body: { subject, body },
                }),
              ),
            )
          ) {
            say('Template saved.');
            props.onSaved();
          }
        }}
      >
        <Notice text={notice} />
        <ProblemBanner problem={save.problem} placed={['subject', 'body']} />
        <Field label="Subject" name="subject" value={subject} onValue={setSubject} errors={save.errors} />
        <Field label="Body" name="body" value={body} onValue={setBody} errors={save.errors} multiline />
        <p class="muted small">Placeholders: {(props.template.placeholders ?? []).map((p) => `{${p}}`).join(' ')}</p>
        <div class="actions">
          <button type="submit" class="primary" disabled={save.busy}>
            Save template
          </button>
        </div>
      </form>
      <section class="card" aria-labelledby="preview-heading" aria-live="polite">
        <h2 id="preview-heading" class="h3">
          Preview
        </h2>
        {!mayRender ? (
          <p class="muted">Previews are rendered for owners and members.</p>
        ) : previewAction.problem ? (
          <ProblemBanner problem={previewAction.problem} />
        ) : (
          preview && (
            <>
              <p>
                <strong>{preview.subject}</strong>
              </p>
              <pre class="body">{preview.text}</pre>
            </>
          )
        )}
      </section>
    </div>
  );
}
