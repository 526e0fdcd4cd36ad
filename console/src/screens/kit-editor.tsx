// Settings' introduction kit: what partners find in the portal's "Introduction kit" (the overview, the ideal client,
// stories, conversation scripts, introduction emails, the booking link), edited here with a live preview as a sample
// partner would see it. GET/PUT /api/practice/kit: partner-service, branch portal-partner-side (pending-api.ts).
import { useState } from 'preact/hooks';
import { practicePendingCall } from '../clients';
import { fillPlaceholders, PLACEHOLDERS, type PlaceholderValues, unknownPlaceholders } from '../portal/kit';
import type { IntroductionKit, IntroductionKitUpdate } from '../portal/pending-api';
import { ApiError } from '../problem';
import { Field, LoadState, Notice, ProblemBanner, useAction, useLoad, useNotice } from '../ui';

/** Whom the preview shows the kit to: no real partner's data. */
const SAMPLE: PlaceholderValues = {
  partnerFirstName: 'Alex',
  partnerName: 'Alex Morgan',
  intakeLink: 'https://example.org/intake/alex-morgan-sample',
};

const EMPTY_KIT: IntroductionKit = { overview: '', idealClient: '', successStories: [], scripts: [], introEmails: [] };

type Item = { id?: string; title: string; subject?: string; body: string };

export function KitEditor(props: { practiceName: string }) {
  const kit = useLoad(
    () =>
      practicePendingCall('GET /api/practice/kit').catch((e: unknown) => {
        // A practice that never wrote its kit may have none yet: it starts from an empty one.
        if (e instanceof ApiError && e.problem.status === 404) return EMPTY_KIT;
        throw e;
      }),
    [],
  );
  return (
    <section class="card stack" aria-labelledby="kit-heading">
      <h2 id="kit-heading">Introduction kit</h2>
      <p class="muted small">
        What your partners find in their portal to introduce people to you. Placeholders, filled in for each partner:{' '}
        {PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}.
      </p>
      <LoadState loaded={kit}>{(k) => <KitForm kit={k} practiceName={props.practiceName} />}</LoadState>
    </section>
  );
}

function KitForm(props: { kit: IntroductionKit; practiceName: string }) {
  const k = props.kit;
  const [overview, setOverview] = useState(k.overview ?? '');
  const [idealClient, setIdealClient] = useState(k.idealClient ?? '');
  const [bookingUrl, setBookingUrl] = useState(k.bookingUrl ?? '');
  const [stories, setStories] = useState<Item[]>(k.successStories ?? []);
  const [scripts, setScripts] = useState<Item[]>(k.scripts ?? []);
  const [emails, setEmails] = useState<Item[]>(k.introEmails ?? []);
  const action = useAction();
  const [notice, say] = useNotice();
  const values: PlaceholderValues = { ...SAMPLE, practiceName: props.practiceName, bookingLink: bookingUrl || null };
  const fill = (text: string) => fillPlaceholders(text, values);
  const everything = [
    overview,
    idealClient,
    ...[...stories, ...scripts, ...emails].flatMap((i) => [i.title, i.subject ?? '', i.body]),
  ];
  const unknown = [...new Set(everything.flatMap(unknownPlaceholders))];
  return (
    <div class="grid two">
      <form
        noValidate
        class="stack"
        aria-label="Edit the introduction kit"
        onSubmit={async (e) => {
          e.preventDefault();
          const body: IntroductionKitUpdate = {
            overview,
            idealClient,
            bookingUrl: bookingUrl || null,
            successStories: stories.map((s) => ({ id: s.id, title: s.title, body: s.body })),
            scripts: scripts.map((s) => ({ id: s.id, title: s.title, body: s.body })),
            introEmails: emails.map((m) => ({ id: m.id, title: m.title, subject: m.subject ?? '', body: m.body })),
          };
          if (await action.run(() => practicePendingCall('PUT /api/practice/kit', { body }))) say('Kit saved.');
        }}
      >
        <Notice text={notice} />
        <ProblemBanner problem={action.problem} placed={['overview', 'idealClient', 'bookingUrl']} />
        {unknown.length > 0 && (
          <p class="problem" role="status">
            Not a placeholder (the kit cannot be saved with it): {unknown.join(' ')}
          </p>
        )}
        <Field
          label="Overview of the practice"
          name="overview"
          value={overview}
          onValue={setOverview}
          errors={action.errors}
          multiline
        />
        <Field
          label="Your ideal client"
          name="idealClient"
          value={idealClient}
          onValue={setIdealClient}
          errors={action.errors}
          multiline
        />
        <Field
          label="Booking link"
          name="bookingUrl"
          type="url"
          value={bookingUrl}
          onValue={setBookingUrl}
          errors={action.errors}
          inputMode="url"
          hint="Where a referred person books a first call, if you have such a page"
        />
        <ItemsEditor
          title="Client stories"
          noun="story"
          items={stories}
          onItems={setStories}
          field="successStories"
          errors={action.errors}
        />
        <ItemsEditor
          title="Conversation scripts"
          noun="script"
          items={scripts}
          onItems={setScripts}
          field="scripts"
          errors={action.errors}
        />
        <ItemsEditor
          title="Introduction emails"
          noun="email"
          items={emails}
          onItems={setEmails}
          field="introEmails"
          errors={action.errors}
          withSubject
        />
        <div class="actions">
          <button type="submit" class="primary" disabled={action.busy}>
            Save kit
          </button>
        </div>
      </form>
      <section class="kit-preview stack" aria-labelledby="kit-preview-heading" data-testid="kit-preview">
        <h3 id="kit-preview-heading">Preview for a sample partner, {SAMPLE.partnerName}</h3>
        <p class="prose">{fill(overview)}</p>
        <p class="prose">
          <strong>Who we help best:</strong> {fill(idealClient)}
        </p>
        {[...stories, ...scripts].map((s, i) => (
          <div key={`s${i}`}>
            <strong>{fill(s.title)}</strong>
            <pre class="body">{fill(s.body)}</pre>
          </div>
        ))}
        {emails.map((m, i) => (
          <div key={`e${i}`}>
            <strong>{fill(m.title)}</strong>
            <p class="small">Subject: {fill(m.subject ?? '')}</p>
            <pre class="body">{fill(m.body)}</pre>
          </div>
        ))}
      </section>
    </div>
  );
}

function ItemsEditor(props: {
  title: string;
  noun: string;
  field: string;
  items: Item[];
  onItems: (items: Item[]) => void;
  errors: Record<string, string>;
  withSubject?: boolean;
}) {
  const change = (index: number, patch: Partial<Item>) =>
    props.onItems(props.items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  return (
    <fieldset class="kit-list stack">
      <legend>{props.title}</legend>
      {props.errors[props.field] && <p class="error">{props.errors[props.field]}</p>}
      {props.items.map((item, i) => (
        <div class="stack kit-entry" key={item.id ?? `new-${i}`}>
          <Field
            label={`Title of ${props.noun} ${i + 1}`}
            name={`${props.field}.title`}
            value={item.title}
            onValue={(title) => change(i, { title })}
          />
          {props.withSubject && (
            <Field
              label={`Subject of ${props.noun} ${i + 1}`}
              name={`${props.field}.subject`}
              value={item.subject ?? ''}
              onValue={(subject) => change(i, { subject })}
            />
          )}
          <Field
            label={`Text of ${props.noun} ${i + 1}`}
            name={`${props.field}.body`}
            value={item.body}
            onValue={(body) => change(i, { body })}
            multiline
          />
          <div class="actions">
            <button type="button" class="small" onClick={() => props.onItems(props.items.filter((_, j) => j !== i))}>
              Remove {props.noun} {i + 1}
            </button>
          </div>
        </div>
      ))}
      <div class="actions">
        <button
          type="button"
          onClick={() =>
            props.onItems([...props.items, { title: '', body: '', subject: props.withSubject ? '' : undefined }])
          }
        >
          Add {/^[aeiou]/.test(props.noun) ? 'an' : 'a'} {props.noun}
        </button>
      </div>
    </fieldset>
  );
}
