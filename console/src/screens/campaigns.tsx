// Campaigns (issue 29): the list. partner-service's campaigns (GET /api/campaigns) with metrics-service's counts
// (GET /api/metrics/campaigns) for those it has seen start; without metrics the list still shows, the counts as "—".
import { currentSession } from '../auth';
import { type CampaignMetrics, goalWords, mergeCampaigns, statusTone } from '../campaigns/words';
import { metricsApi, ok, partnerApi } from '../clients';
import { date } from '../format';
import { Chip, Empty, LoadState, PageHeader, Table, useLoad } from '../ui';

export function Campaigns() {
  const list = useLoad(async () => {
    const [campaigns, metrics] = await Promise.all([
      ok(partnerApi.GET('/api/campaigns', { params: { query: { size: 200 } } })),
      // The counts are a courtesy: a metrics-service that does not answer leaves them out, not the list.
      ok(metricsApi.GET('/api/metrics/campaigns')).then(
        (m) => ({ items: m.items ?? [], failed: false }),
        () => ({ items: [] as CampaignMetrics[], failed: true }),
      ),
    ]);
    return {
      rows: mergeCampaigns(campaigns.items ?? [], metrics.items),
      total: campaigns.total ?? 0,
      metricsFailed: metrics.failed,
    };
  }, []);
  const mayWrite = currentSession()?.role !== 'viewer';
  return (
    <section>
      <PageHeader
        title="Campaigns"
        subtitle="Ask your partners on purpose, try two asks or two incentives, and see which worked"
        actions={
          mayWrite && (
            <a class="button primary" href="/campaigns/new">
              New campaign
            </a>
          )
        }
      />
      <LoadState loaded={list}>
        {({ rows, total, metricsFailed }) =>
          rows.length === 0 ? (
            <Empty title="No campaigns yet.">
              Start one with New campaign: choose whom to ask, write the ask (or two to compare), and a window.
            </Empty>
          ) : (
            <>
              {metricsFailed && (
                <p class="muted" role="status">
                  The counts could not be loaded just now; they show as “—”.
                </p>
              )}
              <Table label="Campaigns">
                <caption class="muted">
                  {total} campaign{total === 1 ? '' : 's'}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Status</th>
                    <th scope="col">Window</th>
                    <th scope="col" class="num">
                      Variants
                    </th>
                    <th scope="col" class="num">
                      Asked
                    </th>
                    <th scope="col" class="num">
                      Referrals
                    </th>
                    <th scope="col" class="num">
                      Conversions
                    </th>
                    <th scope="col">Results</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(({ campaign: c, metrics: m }) => (
                    <tr key={c.id} data-testid="campaign-row">
                      <td>
                        <a href={`/campaigns/${c.id}`}>{c.name}</a>
                        <div class="muted small">Compared on: {c.goal ? goalWords[c.goal].title : '—'}</div>
                      </td>
                      <td>
                        <Chip value={c.status} tone={c.status && statusTone[c.status]} />
                      </td>
                      <td>
                        {date(c.startsAt)} – {date(c.endsAt)}
                      </td>
                      <td class="num">{c.variants?.length ?? 0}</td>
                      <td class="num">{m?.asked ?? '—'}</td>
                      <td class="num">{m?.referrals ?? '—'}</td>
                      <td class="num">{m?.conversions ?? '—'}</td>
                      <td>
                        {c.status === 'running' || c.status === 'ended' ? (
                          <a href={`/campaigns/${c.id}/results`} aria-label={`Results of ${c.name}`}>
                            Results
                          </a>
                        ) : (
                          <span class="muted">Once started</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </>
          )
        }
      </LoadState>
    </section>
  );
}
