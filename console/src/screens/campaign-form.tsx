// Creating or editing a campaign (draft or scheduled; partner-service refuses a started one with 409): its name and
// window, when it asks, what it compares, whether asks go out on their own, the audience (filters or partners picked
// by hand) with a preview of who would be asked and who is left out, and one to four variants of the ask and its
// incentive. POST /api/campaigns or PUT /api/campaigns/{id}; the preview is POST /api/campaigns/audience-preview.
import { useState } from 'preact/hooks';
import {
  ASK_PLACEHOLDERS,
  askPlaceholderWords,
  askProblems,
  CAMPAIGN_INCENTIVE_TYPES,
  type Campaign,
  type CampaignIncentiveType,
  dayStart,
  earnedOnWords,
  errorsByExactField,
  fromLocalInput,
  goalWords,
  incentiveTypeWords,
  nextVariantKey,
  toDayInput,
  toLocalInput,
  triggerDetails,
  triggerWords,
  withoutShown,
} from '../campaigns/words';
import {
  type AllianceType,
  allianceTypeValues,
  type CampaignGoal,
  campaignGoalValues,
  type CampaignTrigger,
  campaignTriggerValues,
  type IncentiveEarnedOn,
  incentiveEarnedOnValues,
  ok,
  type PartnerApi,
  type PartnerCategory,
  partnerApi,
  partnerCategoryValues,
  type PartnerStage,
  partnerStageValues,
} from '../clients';
import { label } from '../format';
import { navigate } from '../router';
import { Field, LoadState, PageHeader, ProblemBanner, Select, useAction, useLoad } from '../ui';
import { AudienceView } from './campaign-audience';

const MAX_VARIANTS = 4;

type CampaignRequest = PartnerApi['CampaignRequest'];
type Audience = PartnerApi['CampaignAudience'];
type AudiencePreview = PartnerApi['AudiencePreview'];

interface VariantDraft {
  key: string;
  name: string;
  weight: string;
  askSubject: string;
  askBody: string;
  incentiveType: CampaignIncentiveType | '';
  amount: string;
  currency: string;
  description: string;
  earnedOn: IncentiveEarnedOn;
}

type AudienceMode = 'filters' | 'list';

const DEFAULT_SUBJECT = 'A small ask from {practiceName}';
const DEFAULT_BODY =
  'Hi {partnerFirstName},\n\nDo you know someone who could use our help right now? You can introduce them here: ' +
  '{campaignLink}\n\nThank you,\n{practiceName}';

function newVariant(key: string, weight: number): VariantDraft {
  return {
    key,
    name: '',
    weight: String(weight),
    askSubject: DEFAULT_SUBJECT,
    askBody: DEFAULT_BODY,
    incentiveType: '',
    amount: '',
    currency: 'USD',
    description: '',
    earnedOn: 'conversion',
  };
}

function variantOf(v: PartnerApi['CampaignVariantView']): VariantDraft {
  const type = v.incentive?.type;
  return {
    key: v.key ?? '',
    name: v.name ?? '',
    weight: v.weight === undefined ? '' : String(v.weight),
    askSubject: v.askSubject ?? '',
    askBody: v.askBody ?? '',
    // A saved incentive is one of the campaign incentives (partner-service refuses any other).
    incentiveType:
      type && (CAMPAIGN_INCENTIVE_TYPES as readonly string[]).includes(type) ? (type as CampaignIncentiveType) : '',
    amount: v.incentive?.value?.amount ?? '',
    currency: v.incentive?.value?.currency ?? 'USD',
    description: v.incentive?.description ?? '',
    earnedOn: v.incentive?.earnedOn ?? 'conversion',
  };
}

/** A number from an input, or NaN kept as the text was (the service names the field; the console states no rule). */
function numberOf(text: string): number {
  return text.trim() === '' ? NaN : Number(text);
}

/** The form for a new campaign (no `id`) or for editing a saved one. */
export function CampaignEditor(props: { id?: string }) {
  const id = props.id;
  const existing = useLoad(
    () => (id ? ok(partnerApi.GET('/api/campaigns/{id}', { params: { path: { id } } })) : Promise.resolve(null)),
    [id],
  );
  return (
    <section>
      <PageHeader
        title={props.id ? 'Edit campaign' : 'New campaign'}
        subtitle="Whom to ask, what to ask them, and when; up to four variants to compare"
      />
      <LoadState loaded={existing}>{(campaign) => <CampaignForm campaign={campaign ?? undefined} />}</LoadState>
    </section>
  );
}

function CampaignForm(props: { campaign?: Campaign }) {
  const c = props.campaign;
  const a = c?.audience;
  const tomorrow = new Date(Date.now() + 86_400_000);
  tomorrow.setHours(9, 0, 0, 0);
  const [name, setName] = useState(c?.name ?? '');
  const [startsAt, setStartsAt] = useState(toLocalInput(c?.startsAt ?? tomorrow.toISOString()));
  const [endsAt, setEndsAt] = useState(
    toLocalInput(c?.endsAt ?? new Date(tomorrow.getTime() + 30 * 86_400_000).toISOString()),
  );
  const [trigger, setTrigger] = useState<CampaignTrigger>(c?.trigger ?? 'start');
  const [goal, setGoal] = useState<CampaignGoal>(c?.goal ?? 'partners_referring');
  const [autoSend, setAutoSend] = useState(c?.autoSend ?? false);
  const [difference, setDifference] = useState(String(Math.round((c?.differenceWorthKnowing ?? 0.1) * 100)));
  const [mode, setMode] = useState<AudienceMode>(Array.isArray(a?.partnerIds) ? 'list' : 'filters');
  const [categories, setCategories] = useState<PartnerCategory[]>(a?.categories ?? []);
  const [allianceTypes, setAllianceTypes] = useState<AllianceType[]>(a?.allianceTypes ?? []);
  const [stages, setStages] = useState<PartnerStage[]>(a?.stages ?? []);
  const [lastAfter, setLastAfter] = useState(toDayInput(a?.lastReferralAfter));
  const [lastBefore, setLastBefore] = useState(toDayInput(a?.lastReferralBefore));
  const [fitAtLeast, setFitAtLeast] = useState(typeof a?.fitAtLeast === 'number' ? String(a.fitAtLeast) : '');
  const [neverReferred, setNeverReferred] = useState<'' | 'yes' | 'no'>(
    a?.neverReferred === true ? 'yes' : a?.neverReferred === false ? 'no' : '',
  );
  const [picked, setPicked] = useState<{ id: string; name: string }[]>(
    (a?.partnerIds ?? []).map((id) => ({ id, name: id })),
  );
  const [variants, setVariants] = useState<VariantDraft[]>(
    c?.variants?.length ? c.variants.map(variantOf) : [newVariant('a', 50)],
  );
  const [preview, setPreview] = useState<AudiencePreview>();
  const previewAction = useAction();
  const action = useAction();
  const errors = errorsByExactField(action.problem, variants.length);

  // A filter left empty is left out (no restriction); the list and the filters are never sent together.
  const audience = (): Audience =>
    mode === 'list'
      ? { partnerIds: picked.map((p) => p.id) }
      : {
          categories: categories.length ? categories : undefined,
          allianceTypes: allianceTypes.length ? allianceTypes : undefined,
          stages: stages.length ? stages : undefined,
          lastReferralBefore: dayStart(lastBefore) ?? undefined,
          lastReferralAfter: dayStart(lastAfter) ?? undefined,
          fitAtLeast: fitAtLeast.trim() === '' ? undefined : numberOf(fitAtLeast),
          neverReferred: neverReferred === '' ? undefined : neverReferred === 'yes',
        };

  const request = (): CampaignRequest => ({
    name,
    startsAt: fromLocalInput(startsAt),
    endsAt: fromLocalInput(endsAt),
    trigger,
    goal,
    autoSend,
    audience: audience(),
    variants: variants.map((v) => ({
      key: v.key,
      name: v.name,
      weight: numberOf(v.weight),
      askSubject: v.askSubject,
      askBody: v.askBody,
      incentive:
        v.incentiveType === ''
          ? undefined
          : {
              type: v.incentiveType,
              value: { amount: v.amount, currency: v.currency },
              description: v.description,
              earnedOn: v.earnedOn,
            },
    })),
    differenceWorthKnowing: numberOf(difference) / 100,
  });

  const change = (index: number, patch: Partial<VariantDraft>) =>
    setVariants(variants.map((v, i) => (i === index ? { ...v, ...patch } : v)));

  // The fields whose errors show at their input (exact names, each variant's by its index); any other error of the
  // problem is listed in the banner, so that none is lost.
  const variantFields = ['key', 'name', 'weight', 'askSubject', 'askBody'].concat(
    ['type', 'value.amount', 'value.currency', 'description', 'earnedOn'].map((f) => `incentive.${f}`),
  );
  const shown = [
    'name',
    'startsAt',
    'endsAt',
    'trigger',
    'goal',
    'differenceWorthKnowing',
    'audience',
    'audience.partnerIds',
    'audience.lastReferralAfter',
    'audience.lastReferralBefore',
    'audience.fitAtLeast',
    'audience.neverReferred',
    'variants',
    ...variants.flatMap((_, i) => variantFields.map((f) => `variants[${i}].${f}`)),
  ];

  return (
    <form
      noValidate
      class="stack"
      aria-label={c ? `Edit ${c.name}` : 'New campaign'}
      onSubmit={async (e) => {
        e.preventDefault();
        let saved: Campaign | undefined;
        const done = await action.run(async () => {
          saved = c?.id
            ? await ok(partnerApi.PUT('/api/campaigns/{id}', { params: { path: { id: c.id } }, body: request() }))
            : await ok(partnerApi.POST('/api/campaigns', { body: request() }));
        });
        if (done && saved?.id) navigate(`/campaigns/${saved.id}`);
      }}
    >
      <ProblemBanner problem={withoutShown(action.problem, variants.length, shown)} />
      <section class="card stack" aria-labelledby="campaign-basics">
        <h2 id="campaign-basics">The campaign</h2>
        <div class="grid two">
          <Field label="Name" name="name" value={name} onValue={setName} errors={errors} required />
          <Field
            label="Smallest difference worth knowing (percentage points)"
            name="differenceWorthKnowing"
            type="number"
            inputMode="numeric"
            value={difference}
            onValue={setDifference}
            errors={errors}
            hint="From 2 to 50. The results say how many more partners would tell a difference this big."
          />
          <Field
            label="Starts"
            name="startsAt"
            type="datetime-local"
            value={startsAt}
            onValue={setStartsAt}
            errors={errors}
            required
          />
          <Field
            label="Ends"
            name="endsAt"
            type="datetime-local"
            value={endsAt}
            onValue={setEndsAt}
            errors={errors}
            required
            hint="At most 366 days after the start"
          />
          <Select
            label="When to ask"
            name="trigger"
            value={trigger}
            onValue={setTrigger}
            options={campaignTriggerValues.map((t) => ({ value: t, label: triggerWords[t] }))}
            errors={errors}
          />
          <Select
            label="Compare the variants on"
            name="goal"
            value={goal}
            onValue={setGoal}
            options={campaignGoalValues.map((g) => ({ value: g, label: goalWords[g].title }))}
            errors={errors}
          />
        </div>
        <p class="muted small">
          {triggerDetails[trigger]} {goalWords[goal].detail}
        </p>
        <label class="check">
          <input
            type="checkbox"
            name="autoSend"
            checked={autoSend}
            onChange={(e) => setAutoSend((e.target as HTMLInputElement).checked)}
          />{' '}
          Send the asks on their own (otherwise each ask waits in Messages as a draft for you to send)
        </label>
      </section>

      <AudienceSection
        mode={mode}
        onMode={(m) => {
          setMode(m);
          setPreview(undefined);
        }}
        categories={categories}
        onCategories={setCategories}
        allianceTypes={allianceTypes}
        onAllianceTypes={setAllianceTypes}
        stages={stages}
        onStages={setStages}
        lastAfter={lastAfter}
        onLastAfter={setLastAfter}
        lastBefore={lastBefore}
        onLastBefore={setLastBefore}
        fitAtLeast={fitAtLeast}
        onFitAtLeast={setFitAtLeast}
        neverReferred={neverReferred}
        onNeverReferred={setNeverReferred}
        picked={picked}
        onPicked={setPicked}
        errors={errors}
        preview={preview}
        previewProblem={previewAction.problem}
        previewBusy={previewAction.busy}
        onPreview={() =>
          previewAction.run(async () => {
            setPreview(undefined);
            // The window decides who another overlapping campaign already has (the overlap rule).
            setPreview(
              await ok(
                partnerApi.POST('/api/campaigns/audience-preview', {
                  params: {
                    query: {
                      startsAt: fromLocalInput(startsAt) || undefined,
                      endsAt: fromLocalInput(endsAt) || undefined,
                    },
                  },
                  body: audience(),
                }),
              ),
            );
          })
        }
      />

      <section class="card stack" aria-labelledby="campaign-variants">
        <h2 id="campaign-variants">The ask{variants.length > 1 ? 's' : ''}</h2>
        <p class="muted small">
          One variant asks everyone the same way; two to four split the audience by weight (each partner keeps one
          variant for the whole campaign) so you can see which worked. Placeholders:
        </p>
        <ul class="small placeholders">
          {ASK_PLACEHOLDERS.map((p) => (
            <li key={p}>
              <code>{`{${p}}`}</code> {askPlaceholderWords[p]}
            </li>
          ))}
        </ul>
        {errors.variants && <p class="error">{errors.variants}</p>}
        {variants.map((v, i) => (
          <VariantEditor
            key={v.key}
            variant={v}
            index={i}
            errors={errors}
            onChange={(patch) => change(i, patch)}
            onRemove={variants.length > 1 ? () => setVariants(variants.filter((_, j) => j !== i)) : undefined}
          />
        ))}
        {variants.length < MAX_VARIANTS && (
          <div class="actions">
            <button
              type="button"
              onClick={() => setVariants([...variants, newVariant(nextVariantKey(variants.map((v) => v.key)), 50)])}
            >
              Add a variant
            </button>
          </div>
        )}
      </section>

      <div class="actions">
        <button type="submit" class="primary" disabled={action.busy}>
          {c ? 'Save campaign' : 'Create campaign'}
        </button>
        <a href={c?.id ? `/campaigns/${c.id}` : '/campaigns'}>Cancel</a>
      </div>
    </form>
  );
}

function CheckGroup<T extends string>(props: {
  legend: string;
  options: readonly T[];
  values: T[];
  onValues: (values: T[]) => void;
}) {
  return (
    <fieldset class="kit-list checks">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label class="check" key={o}>
          <input
            type="checkbox"
            checked={props.values.includes(o)}
            onChange={(e) =>
              props.onValues(
                (e.target as HTMLInputElement).checked ? [...props.values, o] : props.values.filter((x) => x !== o),
              )
            }
          />{' '}
          {label(o)}
        </label>
      ))}
    </fieldset>
  );
}

function AudienceSection(props: {
  mode: AudienceMode;
  onMode: (mode: AudienceMode) => void;
  categories: PartnerCategory[];
  onCategories: (v: PartnerCategory[]) => void;
  allianceTypes: AllianceType[];
  onAllianceTypes: (v: AllianceType[]) => void;
  stages: PartnerStage[];
  onStages: (v: PartnerStage[]) => void;
  lastAfter: string;
  onLastAfter: (v: string) => void;
  lastBefore: string;
  onLastBefore: (v: string) => void;
  fitAtLeast: string;
  onFitAtLeast: (v: string) => void;
  neverReferred: '' | 'yes' | 'no';
  onNeverReferred: (v: '' | 'yes' | 'no') => void;
  picked: { id: string; name: string }[];
  onPicked: (v: { id: string; name: string }[]) => void;
  errors: Record<string, string>;
  preview: AudiencePreview | undefined;
  previewProblem: Parameters<typeof ProblemBanner>[0]['problem'];
  previewBusy: boolean;
  onPreview: () => void;
}) {
  const audienceError = props.errors.audience ?? props.errors['audience.partnerIds'];
  return (
    <section class="card stack" aria-labelledby="campaign-audience">
      <h2 id="campaign-audience">Whom to ask</h2>
      <fieldset class="kit-list">
        <legend>Choose the partners</legend>
        <label class="check">
          <input
            type="radio"
            name="audienceMode"
            checked={props.mode === 'filters'}
            onChange={() => props.onMode('filters')}
          />{' '}
          Partners who match filters (none chosen: every active partner with an email)
        </label>
        <label class="check">
          <input
            type="radio"
            name="audienceMode"
            checked={props.mode === 'list'}
            onChange={() => props.onMode('list')}
          />{' '}
          Partners I pick
        </label>
      </fieldset>
      {audienceError && <p class="error">{audienceError}</p>}
      {props.mode === 'filters' ? (
        <div class="stack">
          <div class="grid three">
            <CheckGroup
              legend="Categories"
              options={partnerCategoryValues}
              values={props.categories}
              onValues={props.onCategories}
            />
            <CheckGroup
              legend="Alliance types"
              options={allianceTypeValues}
              values={props.allianceTypes}
              onValues={props.onAllianceTypes}
            />
            <CheckGroup legend="Stages" options={partnerStageValues} values={props.stages} onValues={props.onStages} />
          </div>
          <div class="grid two">
            <Field
              label="Last referral after"
              name="audience.lastReferralAfter"
              type="date"
              value={props.lastAfter}
              onValue={props.onLastAfter}
              errors={props.errors}
            />
            <Field
              label="Last referral before"
              name="audience.lastReferralBefore"
              type="date"
              value={props.lastBefore}
              onValue={props.onLastBefore}
              errors={props.errors}
            />
            <Field
              label="Fit score at least"
              name="audience.fitAtLeast"
              type="number"
              inputMode="numeric"
              value={props.fitAtLeast}
              onValue={props.onFitAtLeast}
              errors={props.errors}
              hint="0 to 100; empty for any"
            />
            <Select
              label="Referred before"
              name="audience.neverReferred"
              value={props.neverReferred}
              onValue={props.onNeverReferred}
              options={[
                { value: '', label: 'Either' },
                { value: 'yes', label: 'Only partners who never referred' },
                { value: 'no', label: 'Only partners who referred before' },
              ]}
              errors={props.errors}
            />
          </div>
        </div>
      ) : (
        <PartnerPicker picked={props.picked} onPicked={props.onPicked} />
      )}
      <div class="actions">
        <button type="button" onClick={props.onPreview} disabled={props.previewBusy}>
          Preview the audience
        </button>
      </div>
      <ProblemBanner problem={props.previewProblem} />
      {props.preview && <AudienceView preview={props.preview} />}
    </section>
  );
}

function PartnerPicker(props: {
  picked: { id: string; name: string }[];
  onPicked: (v: { id: string; name: string }[]) => void;
}) {
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const found = useLoad(
    () =>
      ok(partnerApi.GET('/api/partners', { params: { query: { q: search || undefined, sort: 'name', size: 50 } } })),
    [search],
  );
  const pickedIds = props.picked.map((p) => p.id);
  // A saved list holds ids only: a partner's name shows as soon as a search has found them.
  const nameOf = (p: { id: string; name: string }) => found.data?.items?.find((i) => i.id === p.id)?.name ?? p.name;
  const toggle = (id: string, name: string, on: boolean) =>
    props.onPicked(on ? [...props.picked, { id, name }] : props.picked.filter((p) => p.id !== id));
  return (
    <div class="stack">
      <div class="inline">
        <Field label="Find partners" name="partnerSearch" type="search" value={q} onValue={setQ} />
        <button type="button" onClick={() => setSearch(q.trim())}>
          Search
        </button>
      </div>
      <LoadState loaded={found}>
        {(page) => (
          <fieldset class="kit-list checks">
            <legend>
              Partners{search ? ` matching “${search}”` : ''} ({page.total})
            </legend>
            {(page.items ?? []).map((p) => (
              <label class="check" key={p.id}>
                <input
                  type="checkbox"
                  checked={pickedIds.includes(p.id ?? '')}
                  onChange={(e) => toggle(p.id ?? '', p.name ?? '', (e.target as HTMLInputElement).checked)}
                />{' '}
                {p.name}
                {p.organization ? <span class="muted small"> · {p.organization}</span> : null}
              </label>
            ))}
          </fieldset>
        )}
      </LoadState>
      <p role="status" data-testid="picked-count">
        {props.picked.length} partner{props.picked.length === 1 ? '' : 's'} picked
      </p>
      {props.picked.length > 0 && (
        <ul class="list" aria-label="Partners picked">
          {props.picked.map((p) => (
            <li key={p.id}>
              {nameOf(p)}{' '}
              <button type="button" class="small" onClick={() => toggle(p.id, p.name, false)}>
                Remove {nameOf(p)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function VariantEditor(props: {
  variant: VariantDraft;
  index: number;
  errors: Record<string, string>;
  onChange: (patch: Partial<VariantDraft>) => void;
  onRemove?: () => void;
}) {
  const v = props.variant;
  const at = `variants[${props.index}]`;
  const warnings = askProblems(v.askSubject, v.askBody);
  const title = `Variant ${v.key}`;
  return (
    <fieldset class="kit-list stack" data-testid="variant-editor">
      <legend>{title}</legend>
      {props.errors[`${at}.key`] && <p class="error">{props.errors[`${at}.key`]}</p>}
      <div class="grid two">
        <Field
          label={`Name of variant ${v.key}`}
          name={`${at}.name`}
          value={v.name}
          onValue={(name) => props.onChange({ name })}
          errors={props.errors}
          hint="What you call it in the results, e.g. “Thank-you note”"
          required
        />
        <Field
          label={`Weight of variant ${v.key}`}
          name={`${at}.weight`}
          type="number"
          inputMode="numeric"
          value={v.weight}
          onValue={(weight) => props.onChange({ weight })}
          errors={props.errors}
          hint="1 to 100: its share of the partners, relative to the others"
        />
      </div>
      <Field
        label={`Subject of variant ${v.key}`}
        name={`${at}.askSubject`}
        value={v.askSubject}
        onValue={(askSubject) => props.onChange({ askSubject })}
        errors={props.errors}
        required
      />
      <Field
        label={`Text of variant ${v.key}`}
        name={`${at}.askBody`}
        value={v.askBody}
        onValue={(askBody) => props.onChange({ askBody })}
        errors={props.errors}
        multiline
        required
      />
      {warnings.length > 0 && (
        <ul class="problem" role="status" aria-label={`Problems with the ask of variant ${v.key}`}>
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <div class="grid two">
        <Select
          label={`Incentive of variant ${v.key}`}
          name={`${at}.incentive.type`}
          value={v.incentiveType}
          onValue={(incentiveType) => props.onChange({ incentiveType })}
          options={CAMPAIGN_INCENTIVE_TYPES.map((t) => ({ value: t, label: incentiveTypeWords[t] }))}
          blank="No incentive"
          errors={props.errors}
        />
        {v.incentiveType && (
          <Select
            label={`Variant ${v.key}'s incentive is earned`}
            name={`${at}.incentive.earnedOn`}
            value={v.earnedOn}
            onValue={(earnedOn) => props.onChange({ earnedOn })}
            options={incentiveEarnedOnValues.map((o) => ({ value: o, label: earnedOnWords[o] }))}
            errors={props.errors}
          />
        )}
      </div>
      {v.incentiveType && (
        <div class="grid three">
          <Field
            label={`What variant ${v.key}'s incentive is, as the ask says it`}
            name={`${at}.incentive.description`}
            value={v.description}
            onValue={(description) => props.onChange({ description })}
            errors={props.errors}
            hint="e.g. “a free coaching session”: what {incentive} stands for"
          />
          <Field
            label={`What it costs you (variant ${v.key})`}
            name={`${at}.incentive.value.amount`}
            inputMode="decimal"
            value={v.amount}
            onValue={(amount) => props.onChange({ amount })}
            errors={props.errors}
            hint="e.g. 80.00"
          />
          <Field
            label={`Currency (variant ${v.key})`}
            name={`${at}.incentive.value.currency`}
            value={v.currency}
            onValue={(currency) => props.onChange({ currency: currency.toUpperCase() })}
            errors={props.errors}
            hint="ISO code, e.g. USD"
          />
        </div>
      )}
      {props.onRemove && (
        <div class="actions">
          <button type="button" class="small" onClick={props.onRemove}>
            Remove variant {v.key}
          </button>
        </div>
      )}
    </fieldset>
  );
}
