// Settings' introduction kit: what partners find in the portal's "Introduction kit" (the overview, the ideal client,
// stories, conversation scripts, introduction emails, the booking link), edited here with a live preview as a sample
// partner would see it. GET/PUT /api/practice/kit (partner-service): a practice that never saved one gets an empty
// kit (no updatedAt), and the name partners see ({practiceName}) is the kit's own.
import { useState } from 'preact/hooks';
import { ok, partnerApi, type PartnerApi } from '../clients';
import { fillPlaceholders, PLACEHOLDERS, type PlaceholderValues, unknownPlaceholders } from '../portal/kit';
import { Field, LoadState, Notice, ProblemBanner, useAction, useLoad, useNotice } from '../ui';

/** Whom the preview shows the kit to: no real partner's data. */
const SAMPLE: PlaceholderValues = {
  partnerFirstName: 'Alex',
  partnerName: 'Alex Morgan',
  intakeLink: 'https://example.org/intake/alex-morgan-sample',
};

type IntroductionKit = PartnerApi['IntroductionKit'];
type IntroductionKitUpdate = PartnerApi['IntroductionKitUpdate'];

type Item = { id?: string; title: string; subject?: string; body: string };

/** `suggestedName`: the name the practice signs its messages with, offered until the kit is first saved. */
export function KitEditor(props: { suggestedName?: string }) {
  const kit = useLoad(() => ok(partnerApi.GET('/api/practice/kit')), []);
  return (
    <section class="card stack" aria-labelledby="kit-heading">
      <h2 id="kit-heading">Introduction kit</h2>
      <p class="muted small">
        What your partners find in their portal to introduce people to you. Placeholders, filled in for each partner:{' '}
        {PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}.
      </p>
      <LoadState loaded={kit}>{(k) => <KitForm kit={k} suggestedName={props.suggestedName} />}</LoadState>
    </section>
  );
}

function KitForm(props: { kit: IntroductionKit; suggestedName?: string }) {
  const k = props.kit;
  const [practiceName, setPracticeName] = useState(k.practiceName ?? (k.updatedAt ? '' : (props.suggestedName ?? '')));
  const [overview, setOverview] = useState(k.overview ?? '');
  const [idealClient, setIdealClient] = useState(k.idealClient ?? '');
  const [bookingUrl, setBookingUrl] = useState(k.bookingUrl ?? '');
  const toItem = (i: { id?: string; title?: string; subject?: string; body?: string }): Item => ({
    id: i.id,
    title: i.title ?? '',
    subject: i.subject,
    body: i.body ?? '',
  });
  const [stories, setStories] = useState<Item[]>((k.successStories ?? []).map(toItem));
  const [scripts, setScripts] = useState<Item[]>((k.scripts ?? []).map(toItem));
  const [emails, setEmails] = useState<Item[]>(
    (k.introEmails ?? []).map((m) => ({ ...toItem(m), subject: m.subject ?? '' })),
  );
  const action = useAction();
  const [notice, say] = useNotice();
  const values: PlaceholderValues = { ...SAMPLE, practiceName: practiceName || null, bookingLink: bookingUrl || null };
  const fill = (text: string) => fillPlaceholders(text, values);
  const everything = [
    practiceName,
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
            practiceName: practiceName || undefined,
            overview,
            idealClient,
            bookingUrl: bookingUrl || undefined,
            successStories: stories.map((s) => ({ id: s.id, title: s.title, body: s.body })),
            scripts: scripts.map((s) => ({ id: s.id, title: s.title, body: s.body })),
            introEmails: emails.map((m) => ({ id: m.id, title: m.title, subject: m.subject ?? '', body: m.body })),
          };
          if (await action.run(() => ok(partnerApi.PUT('/api/practice/kit', { body })))) say('Kit saved.');
        }}
      >
        <Notice text={notice} />
        <ProblemBanner problem={action.problem} placed={['practiceName', 'overview', 'idealClient', 'bookingUrl']} />
        {unknown.length > 0 && (
          <p class="problem" role="status">
            Not a placeholder (the kit cannot be saved with it): {unknown.join(' ')}
          </p>
        )}
        <Field
          label="Your name as partners see it"
          name="practiceName"
          value={practiceName}
          onValue={setPracticeName}
          errors={action.errors}
          hint="What {practiceName} stands for"
        />
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
