// A campaign's results (GET /api/metrics/campaigns/{id}, metrics-service): the verdict in plain words first, then the
// variants side by side — what each asked and brought, each rate with its 95% credible interval drawn on one common
// scale, the chance each is best and the expected loss of choosing it, and the money. Opens are not tracked, and the
// page says so; no figure is called "significant": the verdict says what the data can and cannot tell yet.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { goalWords, intervalScale, points, type Rate, verdictHeading, verdictTone } from '../campaigns/words';
import { type MetricsApi, metricsApi, ok, partnerApi } from '../clients';
import { date, label, money, percent } from '../format';
import { Chip, Empty, LoadState, PageHeader, ProblemBanner, Select, Table, useLoad } from '../ui';

type CampaignResults = MetricsApi['CampaignResults'];
type VariantResults = MetricsApi['CampaignVariantResults'];

const DIFFERENCES = [5, 10, 15, 20, 25, 30];

export function CampaignResultsPage(props: { id: string }) {
  // The difference the practice chose for this campaign (partner-service) is where the page starts; metrics-service's
  // own default (10 points) when the campaign cannot be read.
  const chosen = useLoad(
    () =>
      ok(partnerApi.GET('/api/campaigns/{id}', { params: { path: { id: props.id } } })).then(
        (c) => Math.round((c.differenceWorthKnowing ?? 0.1) * 100),
        () => 10,
      ),
    [props.id],
  );
  return chosen.data === undefined ? (
    <section>
      <PageHeader title="Results" />
      <p class="muted" role="status">
        Loading…
      </p>
    </section>
  ) : (
    <ResultsLoader id={props.id} initialDifference={chosen.data} />
  );
}

function ResultsLoader(props: { id: string; initialDifference: number }) {
  const [difference, setDifference] = useState(String(props.initialDifference));
  const results = useLoad(
    () =>
      ok(
        metricsApi.GET('/api/metrics/campaigns/{id}', {
          params: { path: { id: props.id }, query: { difference: Number(difference) / 100 } },
        }),
      ),
    [props.id, difference],
  );
  const choices = [...new Set([...DIFFERENCES, props.initialDifference])].sort((a, b) => a - b);
  if (results.problem) {
    return (
      <section>
        <PageHeader title="Results" actions={<a href={`/campaigns/${props.id}`}>Back to the campaign</a>} />
        {results.problem.status === 404 ? (
          <Empty title="No results yet.">
            Results appear a moment after the campaign starts; a draft or scheduled campaign has none. Reload in a
            moment.
          </Empty>
        ) : (
          <ProblemBanner problem={results.problem} />
        )}
      </section>
    );
  }
  return (
    <section>
      <LoadState loaded={results}>
        {(r) => (
          <Results
            results={r}
            controls={
              <Select
                label="Smallest difference you care about"
                name="difference"
                value={difference}
                onValue={setDifference}
                options={choices.map((d) => ({ value: String(d), label: `${d} percentage points` }))}
              />
            }
          />
        )}
      </LoadState>
    </section>
  );
}

function Results(props: { results: CampaignResults; controls: ComponentChildren }) {
  const r = props.results;
  const variants = r.variants ?? [];
  const verdict = r.verdict ?? {};
  const kind = verdict.kind ?? 'not_enough_data';
  const leader = variants.find((v) => v.key === verdict.leader);
  const goal = r.goal ? goalWords[r.goal] : undefined;
  const compareRates = r.goal === 'partners_referring' ? 'conversionRate' : 'partnersReferringRate';
  const scale = intervalScale(variants.flatMap((v) => [v.rate, v[compareRates]]));
  const currency = variants.find((v) => v.revenue)?.revenue?.currency;
  return (
    <>
      <PageHeader
        title={`Results: ${r.name}`}
        subtitle={
          <>
            <Chip value={r.status} tone={r.status === 'running' ? 'ok' : 'warn'} /> {date(r.startsAt)} –{' '}
            {date(r.endedAt ?? r.endsAt)} · compared on {goal?.title.toLowerCase() ?? label(r.goal)}
          </>
        }
        actions={<a href={`/campaigns/${r.campaignId}`}>Back to the campaign</a>}
      />
      <section class={`verdict card ${verdictTone[kind]}`} aria-labelledby="verdict-heading" data-testid="verdict">
        <h2 id="verdict-heading">{verdictHeading(kind, leader ? `Variant ${leader.key} (${leader.name})` : null)}</h2>
        <p class="verdict-text" data-testid="verdict-text">
          {verdict.text}
        </p>
        {kind === 'not_enough_data' && (
          <p class="small">Until then, keep the campaign running rather than choosing a variant.</p>
        )}
      </section>

      <p class="note" data-testid="opens-note">
        <strong>Opens are not tracked.</strong> The platform puts no tracking pixel in its emails, by choice, so nobody
        knows who opened an ask; “asked” counts the asks that reached the mail server.
      </p>

      <div class="filters card">{props.controls}</div>

      <Table label="Variants side by side">
        <caption class="muted">
          {goal?.detail} Each rate: most likely value, then the range it lies in with 95% probability. Bars share one
          scale, 0 to {percent(scale)}.
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <span class="sr-only">Figure</span>
            </th>
            {variants.map((v) => (
              <th scope="col" key={v.key}>
                Variant {v.key}: {v.name}
                {v.key === verdict.leader && kind === 'leader' && (
                  <>
                    {' '}
                    <Chip value="ahead" tone="ok" />
                  </>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <Row title="Incentive" variants={variants} cell={(v) => v.incentive ?? 'None'} />
          <Row title="Weight" variants={variants} cell={(v) => v.weight} />
          <Row title="Partners asked" variants={variants} cell={(v) => v.asked} />
          <Row title="Opened" variants={variants} cell={(v) => v.opened ?? 'Not tracked'} />
          <Row title="Partners who referred" variants={variants} cell={(v) => v.partnersReferring} />
          <Row
            title="Referrals"
            variants={variants}
            cell={(v) => (
              <>
                {v.referrals}
                <div class="muted small">
                  {v.referralsByLink} through the campaign link, {v.referralsByOtherChannel} by other ways
                </div>
              </>
            )}
          />
          <Row title="Became clients" variants={variants} cell={(v) => v.conversions} />
          <Row
            title={`${goal?.title ?? label(r.goal)} (what the verdict compares)`}
            variants={variants}
            cell={(v) => <RateCell rate={v.rate} scale={scale} />}
          />
          <Row
            title={
              r.goal === 'partners_referring' ? 'Referrals that became clients' : 'Partners who referred, per asked'
            }
            variants={variants}
            cell={(v) => <RateCell rate={v[compareRates]} scale={scale} />}
          />
          <Row
            title="Chance to be the best"
            variants={variants}
            cell={(v) => <span data-testid={`chance-${v.key}`}>{percent(v.chanceToBeBest)}</span>}
          />
          <Row title="Expected loss if you choose it" variants={variants} cell={(v) => points(v.expectedLoss)} />
          <Row title="Revenue" variants={variants} cell={(v) => amount(v.revenue, currency)} />
          <Row title="Incentive cost" variants={variants} cell={(v) => amount(v.incentiveCost, currency)} />
          <Row
            title="Net revenue per partner asked"
            variants={variants}
            cell={(v) => amount(v.netRevenuePerAskedPartner, currency)}
          />
        </tbody>
      </Table>

      <section class="card stack" aria-labelledby="method-heading">
        <h2 id="method-heading">How to read this</h2>
        <ul class="small">
          <li>
            <strong>The range</strong> beside each rate is where the true rate lies with 95% probability, given what
            happened so far and a stated starting assumption ({r.prior}). Wide ranges mean little data; overlapping
            ranges mean the variants may well be equal.
          </li>
          <li>
            <strong>Chance to be the best</strong>: how likely each variant truly has the highest rate.
          </li>
          <li>
            <strong>Expected loss</strong>: how much of the rate you would give up, on average, if you chose this
            variant and another was in fact better. Near zero means choosing it is a safe bet.
          </li>
          <li>
            Money is in one currency: the campaign's incentives' or the referrals'. Revenue counts referrals the
            campaign brought that became clients; net revenue subtracts the incentives earned.
          </li>
        </ul>
      </section>
    </>
  );
}

function Row(props: { title: string; variants: VariantResults[]; cell: (v: VariantResults) => ComponentChildren }) {
  return (
    <tr>
      <th scope="row">{props.title}</th>
      {props.variants.map((v) => (
        <td key={v.key}>{props.cell(v)}</td>
      ))}
    </tr>
  );
}

function amount(value: MetricsApi['Amount'] | undefined, currency: string | undefined): string {
  return value ? money(value.amount, value.currency || currency) : '—';
}

/** A rate, its 95% interval in words, and a small bar of the interval (the words say what the bar shows). */
function RateCell(props: { rate: Rate | undefined; scale: number }) {
  const { rate, scale } = props;
  if (!rate) return <>—</>;
  const at = (x: number | undefined) => `${Math.max(0, Math.min(100, ((x ?? 0) / scale) * 100)).toFixed(1)}%`;
  return (
    <div class="rate">
      <span class="rate-mean">{percent(rate.mean)}</span>{' '}
      <span class="small">
        (95%: {percent(rate.low)} to {percent(rate.high)})
      </span>
      <div class="muted small">
        {rate.successes} of {rate.trials}
      </div>
      <div class="interval" aria-hidden="true">
        <span
          class="interval-range"
          style={{ left: at(rate.low), width: `calc(${at(rate.high)} - ${at(rate.low)})` }}
        />
        <span class="interval-mean" style={{ left: at(rate.mean) }} />
      </div>
    </div>
  );
}
