// The practice's introduction kit as the partner uses it: the overview and ideal client, stories, conversation
// scripts and introduction emails with the placeholders filled in, the partner's own intake link with a copy button
// and a QR code, and the booking link. Answered by partner-service GET /api/portal/kit and referral-service
// GET /api/portal/intake-link (404 while the partner has none) and POST /api/portal/intake-link (makes it).
import { useEffect, useState } from 'preact/hooks';
import { ok } from '../clients';
import { ApiError } from '../problem';
import { Empty, LoadState, ProblemBanner, useAction, useLoad } from '../ui';
import type { Viewer } from './app';
import { portalPartnerApi, portalReferralApi } from './api';
import { fillPlaceholders, firstNameOf, type PlaceholderValues } from './kit';
import { qrDataUri } from './qr';
import { CopyButton, PortalHeader } from './ui';

export function Kit(props: { viewer: Viewer }) {
  const kit = useLoad(() => ok(portalPartnerApi.GET('/api/portal/kit')), []);
  const link = useLoad(
    () =>
      ok(portalReferralApi.GET('/api/portal/intake-link')).catch((e: unknown) => {
        // 404: no intake link is bound to this partner yet; the partner can make one.
        if (e instanceof ApiError && e.problem.status === 404) return null;
        throw e;
      }),
    [],
  );
  const url = link.data?.url ?? null;
  return (
    <section>
      <PortalHeader title="Introduction kit" intro="Everything you need to introduce someone to the practice." />
      <IntakeLink
        url={url}
        loading={link.loading}
        problem={link.problem}
        readOnly={props.viewer.readOnly}
        onCreated={link.reload}
      />
      <LoadState loaded={kit}>
        {(k) => {
          const values: PlaceholderValues = {
            partnerFirstName: firstNameOf(props.viewer.name),
            partnerName: props.viewer.name,
            practiceName: k.practiceName,
            intakeLink: url,
            bookingLink: k.bookingUrl,
          };
          const fill = (text: string | undefined) => fillPlaceholders(text ?? '', values);
          const practiceName = k.practiceName || 'the practice';
          return (
            <>
              <section class="card stack" aria-labelledby="overview-heading">
                <h2 id="overview-heading">About {practiceName}</h2>
                <p class="prose">{fill(k.overview)}</p>
                <h3>Who we help best</h3>
                <p class="prose">{fill(k.idealClient)}</p>
                {k.bookingUrl && (
                  <p>
                    <a class="button" href={k.bookingUrl} target="_blank" rel="noopener noreferrer">
                      Book a call with {practiceName} (opens a new tab)
                    </a>
                  </p>
                )}
              </section>
              <Items
                id="stories"
                title="Client stories"
                empty="No stories yet."
                items={(k.successStories ?? []).map((s, i) => ({
                  id: s.id ?? `story-${i}`,
                  title: s.title ?? '',
                  body: fill(s.body),
                }))}
              />
              <Items
                id="scripts"
                title="What to say"
                empty="No conversation scripts yet."
                copy="Copy script"
                items={(k.scripts ?? []).map((s, i) => ({
                  id: s.id ?? `script-${i}`,
                  title: s.title ?? '',
                  body: fill(s.body),
                }))}
              />
              <Items
                id="emails"
                title="Introduction emails"
                empty="No email templates yet."
                copy="Copy email"
                items={(k.introEmails ?? []).map((m, i) => ({
                  id: m.id ?? `email-${i}`,
                  title: m.title ?? '',
                  subject: fill(m.subject),
                  body: fill(m.body),
                }))}
              />
            </>
          );
        }}
      </LoadState>
    </section>
  );
}

function IntakeLink(props: {
  url: string | null;
  loading: boolean;
  problem: import('../problem').Problem | undefined;
  readOnly: boolean;
  onCreated: () => void;
}) {
  const [qr, setQr] = useState<string>();
  const create = useAction();
  useEffect(() => {
    let current = true;
    if (props.url) void qrDataUri(props.url).then((uri) => current && setQr(uri));
    else setQr(undefined);
    return () => {
      current = false;
    };
  }, [props.url]);
  return (
    <section class="card stack" aria-labelledby="intake-heading">
      <h2 id="intake-heading">Your intake link</h2>
      <ProblemBanner problem={props.problem ?? create.problem} />
      {props.url ? (
        <>
          <p class="small">
            Anyone you refer can use it to reach the practice themselves, and it counts as your referral.
          </p>
          <label for="intake-url" class="field-label">
            Link
          </label>
          <input id="intake-url" readOnly value={props.url} data-testid="intake-url" />
          <CopyButton text={props.url} label="Copy link" />
          {qr && (
            <img
              class="qr"
              src={qr}
              width={200}
              height={200}
              alt="QR code for your intake link: scanning it opens the link"
              data-testid="intake-qr"
            />
          )}
        </>
      ) : props.loading ? null : (
        <>
          <p class="small">You have no intake link yet. Make one to share with the people you refer.</p>
          <button
            type="button"
            class="primary"
            disabled={create.busy || props.readOnly}
            onClick={async () => {
              if (await create.run(() => ok(portalReferralApi.POST('/api/portal/intake-link')))) props.onCreated();
            }}
          >
            Make my intake link
          </button>
        </>
      )}
    </section>
  );
}

function Items(props: {
  id: string;
  title: string;
  empty: string;
  copy?: string;
  items: { id: string; title: string; subject?: string; body: string }[];
}) {
  return (
    <section class="card stack" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.items.length === 0 ? (
        <Empty title={props.empty} />
      ) : (
        props.items.map((item) => (
          <article class="kit-item" key={item.id} aria-labelledby={`${props.id}-${item.id}`}>
            <h3 id={`${props.id}-${item.id}`}>{item.title}</h3>
            {item.subject !== undefined && (
              <p class="small">
                <strong>Subject:</strong> {item.subject}
              </p>
            )}
            <pre class="body">{item.body}</pre>
            {props.copy && (
              <CopyButton
                text={item.subject !== undefined ? `${item.subject}\n\n${item.body}` : item.body}
                label={props.copy}
              />
            )}
          </article>
        ))
      )}
    </section>
  );
}
