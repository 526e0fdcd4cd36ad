// One campaign: what it is, its audience (who would be asked now, or who was assigned which variant once started),
// each variant's ask as a partner receives it (GET /api/campaigns/{id}/asks/preview?variant=), and the moves its
// status allows: edit and schedule a draft, start it now, end a running one, delete a draft. partner-service refuses
// any other move with a problem+json, shown here as it comes.
import { useState } from 'preact/hooks';
import { currentSession } from '../auth';
import { type Campaign, campaignsApi, type Variant } from '../campaigns-draft';
import { earnedOnWords, goalWords, incentiveTypeWords, statusTone, triggerDetails } from '../campaigns/words';
import { dateTime, label, money, percent } from '../format';
import { navigate } from '../router';
import { Chip, LoadState, Notice, PageHeader, ProblemBanner, useAction, useLoad, useNotice } from '../ui';
import { AudienceView } from './campaign-audience';

export function CampaignDetail(props: { id: string }) {
  const campaign = useLoad(() => campaignsApi.get(props.id), [props.id]);
  return <LoadState loaded={campaign}>{(c) => <CampaignPage campaign={c} onChanged={campaign.reload} />}</LoadState>;
}

function CampaignPage(props: { campaign: Campaign; onChanged: () => void }) {
  const c = props.campaign;
  const action = useAction();
  const [notice, say] = useNotice();
  const mayWrite = currentSession()?.role !== 'viewer';
  const totalWeight = c.variants.reduce((sum, v) => sum + v.weight, 0);
  const move = async (what: () => Promise<unknown>, said: string) => {
    if (await action.run(what)) {
      say(said);
      props.onChanged();
    }
  };
  return (
    <section>
      <PageHeader
        title={c.name}
        subtitle={
          <>
            <Chip value={c.status} tone={statusTone[c.status]} /> {dateTime(c.startsAt)} – {dateTime(c.endsAt)}
          </>
        }
        actions={
          (c.status === 'running' || c.status === 'ended') && (
            <a class="button primary" href={`/campaigns/${c.id}/results`}>
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
            <a class="button" href={`/campaigns/${c.id}/edit`}>
              Edit
            </a>
          )}
          {c.status === 'draft' && (
            <button
              type="button"
              disabled={action.busy}
              onClick={() => move(() => campaignsApi.schedule(c.id), 'Scheduled: it starts on its own at its start.')}
            >
              Schedule
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
                  void move(() => campaignsApi.start(c.id), 'Started.');
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
                  void move(() => campaignsApi.end(c.id), 'Ended.');
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
                if (confirm(`Delete the draft “${c.name}”?`) && (await action.run(() => campaignsApi.remove(c.id)))) {
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
          <dd>{triggerDetails[c.trigger] ?? c.trigger}</dd>
          <dt>Compared on</dt>
          <dd>
            {goalWords[c.goal]?.title ?? c.goal}: {goalWords[c.goal]?.detail}
          </dd>
          <dt>Sending</dt>
          <dd>{c.autoSend ? 'Asks go out on their own, paced' : 'Each ask waits in Messages as a draft'}</dd>
          <dt>Smallest difference worth knowing</dt>
          <dd>{Math.round(c.differenceWorthKnowing * 100)} percentage points</dd>
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
              <dd>{c.assigned}</dd>
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
        <div class={`grid ${c.variants.length > 1 ? 'two' : ''}`}>
          {c.variants.map((v) => (
            <VariantCard key={v.key} campaignId={c.id} variant={v} share={totalWeight ? v.weight / totalWeight : 0} />
          ))}
        </div>
      </section>

      <CampaignAudience campaign={c} />
    </section>
  );
}

function VariantCard(props: { campaignId: string; variant: Variant; share: number }) {
  const v = props.variant;
  const preview = useLoad(() => campaignsApi.previewAsk(props.campaignId, v.key), [props.campaignId, v.key]);
  return (
    <article class="stack variant" aria-labelledby={`variant-${v.key}`} data-testid={`ask-preview-${v.key}`}>
      <h3 id={`variant-${v.key}`}>
        Variant {v.key}: {v.name}
      </h3>
      <p class="small muted">
        Weight {v.weight} ({percent(props.share)} of the partners).{' '}
        {v.incentive
          ? `Incentive: ${incentiveTypeWords[v.incentive.type] ?? label(v.incentive.type)}, “${v.incentive.description}”, ` +
            `${money(v.incentive.value.amount, v.incentive.value.currency)}, ${earnedOnWords[v.incentive.earnedOn].toLowerCase()}.`
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

function CampaignAudience(props: { campaign: Campaign }) {
  const c = props.campaign;
  const [page, setPage] = useState(0);
  const audience = useLoad(() => campaignsApi.audience(c.id, { page, size: AUDIENCE_PAGE }), [c.id, c.status, page]);
  const started = c.status === 'running' || c.status === 'ended';
  return (
    <section class="card stack" aria-labelledby="campaign-audience">
      <h2 id="campaign-audience">{started ? 'Who was assigned a variant' : 'Who would be asked if it started now'}</h2>
      <LoadState loaded={audience}>
        {(a) => (
          <>
            <AudienceView preview={a} withVariant={started} />
            {a.total > AUDIENCE_PAGE && (
              <div class="actions">
                <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
                  Previous partners
                </button>
                <button
                  type="button"
                  disabled={(page + 1) * AUDIENCE_PAGE >= a.total}
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
