import { BarChart } from '../chart';
import { metricsApi, okJson, type MetricsApi } from '../clients';
import { days, label, money, percent } from '../format';
import { Empty, LoadState, PageHeader, Stat, Table, useLoad } from '../ui';

type Amount = { amount?: string | number | null; currency?: string | null };

function amounts(list: Amount[] | null | undefined): string {
  if (!list || list.length === 0) return money(0);
  return list.map((a) => money(a.amount ?? 0, a.currency ?? 'USD')).join(' + ');
}

function monthLabel(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  return new Intl.DateTimeFormat(undefined, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(
    new Date(isoDate),
  );
}

export function Dashboard() {
  const summary = useLoad(() => okJson(metricsApi.GET('/api/metrics/summary')), []);
  const received = useLoad(
    () =>
      okJson(
        metricsApi.GET('/api/metrics/timeseries', { params: { query: { metric: 'received', interval: 'month' } } }),
      ),
    [],
  );
  const converted = useLoad(
    () =>
      okJson(
        metricsApi.GET('/api/metrics/timeseries', { params: { query: { metric: 'converted', interval: 'month' } } }),
      ),
    [],
  );
  const revenue = useLoad(
    () =>
      okJson(
        metricsApi.GET('/api/metrics/timeseries', { params: { query: { metric: 'revenue', interval: 'month' } } }),
      ),
    [],
  );
  const funnel = useLoad(() => okJson(metricsApi.GET('/api/metrics/funnel')), []);
  const byCategory = useLoad(
    () => okJson(metricsApi.GET('/api/metrics/breakdown', { params: { query: { by: 'category' } } })),
    [],
  );
  const byAlliance = useLoad(
    () => okJson(metricsApi.GET('/api/metrics/breakdown', { params: { query: { by: 'allianceType' } } })),
    [],
  );
  const reciprocity = useLoad(
    () => okJson(metricsApi.GET('/api/metrics/reciprocity', { params: { query: { size: 10 } } })),
    [],
  );
  const leaderboard = useLoad(
    () => okJson(metricsApi.GET('/api/metrics/partners', { params: { query: { sort: 'converted', size: 10 } } })),
    [],
  );

  return (
    <section>
      <PageHeader title="Dashboard" subtitle="The last twelve months, as your partners' referrals came in" />
      <LoadState loaded={summary}>
        {(s) =>
          Number(s.received ?? 0) === 0 ? (
            <Empty title="No referrals counted yet.">
              <p>
                Start with your partners: <a href="/partners">add the people who send you clients</a>, then{' '}
                <a href="/referrals">record the referrals</a> they send. The numbers appear here as they arrive.
              </p>
            </Empty>
          ) : (
            <div class="grid three" data-testid="summary">
              <Stat label="Received" value={s.received} />
              <Stat label="Converted" value={s.converted} />
              <Stat label="Conversion rate" value={percent(Number(s.conversionRate ?? 0))} />
              <Stat label="Revenue" value={amounts(s.revenue)} />
              <Stat
                label="Time to convert"
                value={days(s.meanDaysToConvert)}
                hint="On average, from received to converted"
              />
              <Stat
                label="Time to book"
                value={days(s.averageDaysToBook)}
                hint="On average, from received to consultation booked"
              />
            </div>
          )
        }
      </LoadState>

      <div class="grid two">
        <section class="card" aria-labelledby="monthly-heading">
          <h2 id="monthly-heading">Received and converted per month</h2>
          <LoadState loaded={received}>
            {(r) => (
              <LoadState loaded={converted}>
                {(c) =>
                  (r.points ?? []).every((p) => Number(p.value) === 0) ? (
                    <Empty title="No referrals in this period." />
                  ) : (
                    <BarChart
                      label="Referrals per month"
                      labels={(r.points ?? []).map((p) => monthLabel(p.start))}
                      series={[
                        { name: 'Received', values: (r.points ?? []).map((p) => Number(p.value ?? 0)) },
                        { name: 'Converted', values: (c.points ?? []).map((p) => Number(p.value ?? 0)) },
                      ]}
                    />
                  )
                }
              </LoadState>
            )}
          </LoadState>
        </section>
        <section class="card" aria-labelledby="revenue-heading">
          <h2 id="revenue-heading">Revenue per month</h2>
          <LoadState loaded={revenue}>
            {(r) =>
              (r.points ?? []).every((p) => Number(p.value) === 0) ? (
                <Empty title="No revenue yet.">Convert a referral with its program value to see it here.</Empty>
              ) : (
                <BarChart
                  label="Revenue per month"
                  labels={(r.points ?? []).map((p) => monthLabel(p.start))}
                  series={[{ name: 'Revenue', values: (r.points ?? []).map((p) => Number(p.value ?? 0)) }]}
                />
              )
            }
          </LoadState>
        </section>
      </div>

      <div class="grid two">
        <section class="card" aria-labelledby="leaderboard-heading">
          <h2 id="leaderboard-heading">Leaderboard</h2>
          <LoadState loaded={leaderboard}>
            {(page) =>
              (page.items ?? []).length === 0 ? (
                <Empty title="No partner has sent a referral yet." />
              ) : (
                <Table label="Leaderboard">
                  <thead>
                    <tr>
                      <th scope="col">Partner</th>
                      <th scope="col" class="num">
                        Received
                      </th>
                      <th scope="col" class="num">
                        Converted
                      </th>
                      <th scope="col" class="num">
                        Revenue
                      </th>
                    </tr>
                  </thead>
                  <tbody data-testid="leaderboard">
                    {(page.items ?? []).map((p) => (
                      <tr key={p.partnerId}>
                        <td>
                          <a href={`/partners/${p.partnerId}`}>{p.partnerName}</a>
                        </td>
                        <td class="num">{p.referralsReceived ?? 0}</td>
                        <td class="num">{p.referralsConverted ?? 0}</td>
                        <td class="num">{amounts(p.revenue)}</td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              )
            }
          </LoadState>
        </section>
        <section class="card" aria-labelledby="funnel-heading">
          <h2 id="funnel-heading">Funnel</h2>
          <LoadState loaded={funnel}>
            {(f) =>
              (f.steps ?? []).length === 0 || (f.steps ?? []).every((s) => Number(s.reached ?? 0) === 0) ? (
                <Empty title="The funnel fills as referrals move from received to converted." />
              ) : (
                <BarChart
                  label="Referrals reaching each step"
                  horizontal
                  labels={(f.steps ?? []).map((s) => label(s.status))}
                  series={[{ name: 'Referrals', values: (f.steps ?? []).map((s) => Number(s.reached ?? 0)) }]}
                />
              )
            }
          </LoadState>
        </section>
      </div>

      <div class="grid two">
        <Breakdown title="By category" loaded={byCategory} />
        <Breakdown title="By alliance type" loaded={byAlliance} />
      </div>

      <section class="card" aria-labelledby="reciprocity-heading">
        <h2 id="reciprocity-heading">Reciprocity: we give, we receive</h2>
        <LoadState loaded={reciprocity}>
          {(r) =>
            (r.partners?.items ?? []).length === 0 ? (
              <Empty title="Nothing exchanged yet.">
                Record the referrals you give to partners on the <a href="/referrals">Referrals</a> page, and see here
                whether each relationship runs both ways.
              </Empty>
            ) : (
              <Table label="Reciprocity per partner">
                <thead>
                  <tr>
                    <th scope="col">Partner</th>
                    <th scope="col" class="num">
                      We receive
                    </th>
                    <th scope="col" class="num">
                      We give
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {(r.partners?.items ?? []).map((p) => (
                    <tr key={p.partnerId}>
                      <td>
                        <a href={`/partners/${p.partnerId}`}>{p.partnerName}</a>
                      </td>
                      <td class="num">
                        {p.received} · {amounts(p.receivedValue)}
                      </td>
                      <td class="num">
                        {p.given} · {amounts(p.givenValue)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )
          }
        </LoadState>
      </section>
    </section>
  );
}

function Breakdown(props: { title: string; loaded: ReturnType<typeof useLoad<MetricsApi['Breakdown']>> }) {
  return (
    <section class="card" aria-label={props.title}>
      <h2>{props.title}</h2>
      <LoadState loaded={props.loaded}>
        {(b) =>
          (b.groups ?? []).length === 0 ? (
            <Empty title="No referrals to break down yet." />
          ) : (
            <Table label={props.title}>
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col" class="num">
                    Received
                  </th>
                  <th scope="col" class="num">
                    Converted
                  </th>
                  <th scope="col" class="num">
                    Rate
                  </th>
                  <th scope="col" class="num">
                    Time to convert
                  </th>
                  <th scope="col" class="num">
                    Time to book
                  </th>
                </tr>
              </thead>
              <tbody>
                {(b.groups ?? []).map((g) => (
                  <tr key={g.key}>
                    <td>{label(g.key)}</td>
                    <td class="num">{g.received}</td>
                    <td class="num">{g.converted}</td>
                    <td class="num">{percent(Number(g.conversionRate ?? 0))}</td>
                    <td class="num">{days(g.averageDaysToConvert)}</td>
                    <td class="num">{days(g.averageDaysToBook)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </LoadState>
    </section>
  );
}
