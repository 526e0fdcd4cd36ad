// One campaign: what it is, its audience (who would be asked now, or who was assigned which variant once started),
// each variant's ask as a partner receives it (GET /api/campaigns/{id}/asks/preview?variant=), and the moves its
// status allows: edit and schedule a draft, call off a scheduled one (a draft again), start it now, end a running one,
// delete a draft. partner-service refuses any other move with a problem+json, shown here as it comes.
import { useState } from 'preact/hooks';
import { currentSession } from '../auth';
import { type Campaign, earnedOnWords, goalWords, statusTone, triggerDetails } from '../campaigns/words';
import { ok, type PartnerApi, partnerApi } from '../clients';
import { dateTime, label, money, percent, rewardTypeLabels } from '../format';
import { navigate } from '../router';
import { Chip, LoadState, Notice, PageHeader, ProblemBanner, useAction, useLoad, useNotice } from '../ui';
import { AudienceView } from './campaign-audience';

export function CampaignDetail(props: { id: string }) {
  const id = props.id;
  const campaign = useLoad(() => ok(partnerApi.GET('/api/campaigns/{id}', { params: { path: { id } } })), [id]);
  return (
    <LoadState loaded={campaign}>{(c) => <CampaignPage id={id} campaign={c} onChanged={campaign.reload} />}</LoadState>
  );
}

/** The moves on a campaign, one POST each (`/api/campaigns/{id}/schedule`, …): each answers the campaign. */
type Move =
  | '/api/campaigns/{id}/schedule'
  | '/api/campaigns/{id}/unschedule'
  | '/api/campaigns/{id}/start'
  | '/api/campaigns/{id}/end';

function CampaignPage(props: { id: string; campaign: Campaign; onChanged: () => void }) {
  const c = props.campaign;
  const id = props.id;
  const name = c.name ?? '';
  const variants = c.variants ?? [];
  const action = useAction();
  const [notice, say] = useNotice();
  const mayWrite = currentSession()?.role !== 'viewer';
  const totalWeight = variants.reduce((sum, v) => sum + (v.weight ?? 0), 0);
  const move = async (path: Move, said: string) => {
    if (await action.run(() => ok(partnerApi.POST(path, { params: { path: { id } } })))) {
      say(said);
      props.onChanged();
    }
  };
  return (
    <section>
      <PageHeader
        title={name}
        subtitle={
          <>
            <Chip value={c.status} tone={c.status && statusTone[c.status]} /> {dateTime(c.startsAt)} –{' '}
            {dateTime(c.endsAt)}
          </>
        }
        actions={
          (c.status === 'running' || c.status === 'ended') && (
            <a class="button primary" href={`/campaigns/${id}/results`}>
              See the results
            </a>
          )
        }
      />
      <Notice text={notice} />
      <ProblemBanner problem={action.problem} />
      {mayWrite && c.status !== 'ended' && (
        <div class="actions card" role="group" aria-label="Campaign actions">
          {(c.status === 'draft' || c.status === 'scheduled') && (
            <a class="button" href={`/campaigns/${id}/edit`}>
              Edit
            </a>
          )}
          {c.status === 'draft' && (
            <button
              type="button"
              disabled={action.busy}
              onClick={() => move('/api/campaigns/{id}/schedule', 'Scheduled: it starts on its own at its start.')}
            >
              Schedule
            </button>
          )}
          {c.status === 'scheduled' && (
            <button
              type="button"
              disabled={action.busy}
              onClick={() => move('/api/campaigns/{id}/unschedule', 'Called off: a draft again, and nobody was asked.')}
            >
              Call off
            </button>
          )}
          {(c.status === 'draft' || c.status === 'scheduled') && (
            <button
              type="button"
              class="primary"
              disabled={action.busy}
              onClick={() => {
                if (
                  confirm(
                    'Start now? The audience is fixed and each partner is given a variant; that never changes afterwards.',
                  )
                ) {
                  void move('/api/campaigns/{id}/start', 'Started.');
                }
              }}
            >
              Start now
            </button>
          )}
          {c.status === 'running' && (
            <button
              type="button"
              class="danger"
              disabled={action.busy}
              onClick={() => {
                if (confirm('End the campaign now? No more asks go out, and referrals from now on are not counted.')) {
                  void move('/api/campaigns/{id}/end', 'Ended.');
                }
              }}
            >
              End now
            </button>
          )}
          {c.status === 'draft' && (
            <button
              type="button"
              class="danger"
              disabled={action.busy}
              onClick={async () => {
                if (
                  confirm(`Delete the draft “${name}”?`) &&
                  (await action.run(() => ok(partnerApi.DELETE('/api/campaigns/{id}', { params: { path: { id } } }))))
                ) {
                  navigate('/campaigns');
                }
              }}
            >
              Delete
            </button>
          )}
        </div>
      )}

      <section class="card stack" aria-labelledby="campaign-about">
        <h2 id="campaign-about">About this campaign</h2>
        <dl class="facts" data-testid="campaign-facts">
          <dt>Status</dt>
          <dd data-testid="campaign-status">{label(c.status)}</dd>
          <dt>When it asks</dt>
          <dd>{c.trigger ? triggerDetails[c.trigger] : '—'}</dd>
          <dt>Compared on</dt>
          <dd>{c.goal ? `${goalWords[c.goal].title}: ${goalWords[c.goal].detail}` : '—'}</dd>
          <dt>Sending</dt>
          <dd>{c.autoSend ? 'Asks go out on their own, paced' : 'Each ask waits in Messages as a draft'}</dd>
          <dt>Smallest difference worth knowing</dt>
          <dd>{Math.round((c.differenceWorthKnowing ?? 0.1) * 100)} percentage points</dd>
          {c.startedAt && (
            <>
              <dt>Started</dt>
              <dd>{dateTime(c.startedAt)}</dd>
            </>
          )}
          {c.endedAt && (
            <>
              <dt>Ended</dt>
              <dd>{dateTime(c.endedAt)}</dd>
            </>
          )}
          {(c.status === 'running' || c.status === 'ended') && (
            <>
              <dt>Partners assigned</dt>
              <dd>{c.assigned ?? 0}</dd>
            </>
          )}
          {c.seed && (
            <>
              <dt>Assignment seed</dt>
              <dd>
                <code>{c.seed}</code>
              </dd>
            </>
          )}
        </dl>
      </section>

      <section class="card stack" aria-labelledby="campaign-asks">
        <h2 id="campaign-asks">The asks, as a partner receives them</h2>
        <div class={`grid ${variants.length > 1 ? 'two' : ''}`}>
          {variants.map((v) => (
            <VariantCard
              key={v.key}
              campaignId={id}
              variant={v}
              share={totalWeight ? (v.weight ?? 0) / totalWeight : 0}
            />
          ))}
        </div>
      </section>

      <CampaignAudience id={id} status={c.status} />
    </section>
  );
}

function VariantCard(props: { campaignId: string; variant: PartnerApi['CampaignVariantView']; share: number }) {
  const v = props.variant;
  const key = v.key ?? '';
  const preview = useLoad(
    () =>
      ok(
        partnerApi.GET('/api/campaigns/{id}/asks/preview', {
          params: { path: { id: props.campaignId }, query: { variant: key } },
        }),
      ),
    [props.campaignId, key],
  );
  const incentive = v.incentive;
  return (
    <article class="stack variant" aria-labelledby={`variant-${v.key}`} data-testid={`ask-preview-${v.key}`}>
      <h3 id={`variant-${v.key}`}>
        Variant {v.key}: {v.name}
      </h3>
      <p class="small muted">
        Weight {v.weight} ({percent(props.share)} of the partners).{' '}
        {incentive
          ? `Incentive: ${incentive.type ? rewardTypeLabels[incentive.type] : 'a reward'}, “${incentive.description ?? ''}”, ` +
            `${money(incentive.value?.amount, incentive.value?.currency)}, ` +
            `${incentive.earnedOn ? earnedOnWords[incentive.earnedOn].toLowerCase() : ''}.`
          : 'No incentive.'}
      </p>
      <LoadState loaded={preview}>
        {(ask) => (
          <div class="kit-preview">
            <p class="small muted">
              {ask.samplePartnerId ? 'As the first partner of the audience reads it' : 'With example values'}; the link
              is an example.
            </p>
            <p class="small">
              <strong>Subject:</strong> {ask.subject}
            </p>
            <pre class="body">{ask.body}</pre>
          </div>
        )}
      </LoadState>
    </article>
  );
}

const AUDIENCE_PAGE = 50;

function CampaignAudience(props: { id: string; status: Campaign['status'] }) {
  const { id, status } = props;
  const [page, setPage] = useState(0);
  const audience = useLoad(
    () =>
      ok(
        partnerApi.GET('/api/campaigns/{id}/audience', {
          params: { path: { id }, query: { page, size: AUDIENCE_PAGE } },
        }),
      ),
    [id, status, page],
  );
  const started = status === 'running' || status === 'ended';
  return (
    <section class="card stack" aria-labelledby="campaign-audience">
      <h2 id="campaign-audience">{started ? 'Who was assigned a variant' : 'Who would be asked if it started now'}</h2>
      <LoadState loaded={audience}>
        {(a) => (
          <>
            <AudienceView preview={a} withVariant={started} />
            {(a.total ?? 0) > AUDIENCE_PAGE && (
              <div class="actions">
                <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
                  Previous partners
                </button>
                <button
                  type="button"
                  disabled={(page + 1) * AUDIENCE_PAGE >= (a.total ?? 0)}
                  onClick={() => setPage(page + 1)}
                >
                  Next partners
                </button>
              </div>
            )}
          </>
        )}
      </LoadState>
    </section>
  );
}
