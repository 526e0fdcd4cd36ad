import { metricsApi, notificationApi, ok, referralApi, type TaskKind } from '../clients';
import { date, relative, taskKindLabels, weekStart, yearMonth } from '../format';
import { Chip, Empty, LoadState, PageHeader, ProblemBanner, Stat, useAction, useLoad, useNotice, Notice } from '../ui';

const referralOf = (t: { referralId?: string | null }) => (t.referralId ? `/referrals/${t.referralId}` : '/referrals');

// Where each kind of task is done (exhaustive: a new kind fails tsc until it has its page).
const TASK_LINK: Record<TaskKind, (t: { referralId?: string | null; partnerId?: string | null }) => string> = {
  first_contact: referralOf,
  review_draft: () => '/messages',
  personal_follow_up: (t) => (t.partnerId ? `/partners/${t.partnerId}` : '/partners'),
  pleased_check_in: (t) => (t.partnerId ? `/partners/${t.partnerId}` : '/partners'),
  partner_check_in: (t) => (t.partnerId ? `/partners/${t.partnerId}` : '/partners'),
  dormant_partner: (t) => (t.partnerId ? `/partners/${t.partnerId}` : '/partners'),
  webhook_disabled: () => '/settings',
  booking_unmatched: () => '/bookings',
  booking_cancelled: referralOf,
  booking_no_show: referralOf,
};

export function Today() {
  const now = new Date();
  const tasks = useLoad(
    () => ok(notificationApi.GET('/api/tasks', { params: { query: { status: 'open', size: 100 } } })),
    [],
  );
  const week = useLoad(
    () => ok(referralApi.GET('/api/referrals', { params: { query: { receivedFrom: weekStart(now), size: 50 } } })),
    [],
  );
  const goals = useLoad(
    () => ok(metricsApi.GET('/api/metrics/goals', { params: { query: { month: yearMonth(now) } } })),
    [],
  );
  const action = useAction();
  const [notice, say] = useNotice();

  return (
    <section>
      <PageHeader title="Today" subtitle={date(now.toISOString())} />
      <Notice text={notice} />
      <div class="grid two">
        <section class="card" aria-labelledby="tasks-heading">
          <h2 id="tasks-heading">Tasks due</h2>
          <ProblemBanner problem={action.problem} />
          <LoadState loaded={tasks}>
            {(page) => {
              const sorted = [...(page.items ?? [])].sort((a, b) => String(a.dueAt).localeCompare(String(b.dueAt)));
              return sorted.length === 0 ? (
                <Empty title="Nothing due.">
                  First contacts, drafts to review and partner check-ins show up here as they fall due.
                </Empty>
              ) : (
                <ul class="list" aria-label="Open tasks">
                  {sorted.map((task) => (
                    <li key={task.id} class={task.overdue ? 'overdue' : ''}>
                      <div class="grow">
                        <a href={task.kind ? TASK_LINK[task.kind](task) : '/'}>{task.title}</a>
                        <div class="muted small">
                          {task.kind ? taskKindLabels[task.kind] : 'Task'} · due {relative(task.dueAt, now)}{' '}
                          {task.overdue && <Chip value="overdue" tone="bad" />}
                        </div>
                      </div>
                      <button
                        type="button"
                        class="small"
                        disabled={action.busy}
                        aria-label={`Mark done: ${task.title}`}
                        onClick={async () => {
                          if (
                            await action.run(() =>
                              ok(notificationApi.POST('/api/tasks/{id}/done', { params: { path: { id: task.id! } } })),
                            )
                          ) {
                            say('Task done.');
                            tasks.reload();
                          }
                        }}
                      >
                        Done
                      </button>
                    </li>
                  ))}
                </ul>
              );
            }}
          </LoadState>
        </section>
        <div class="stack">
          <section class="card" aria-labelledby="week-heading">
            <h2 id="week-heading">Received this week</h2>
            <LoadState loaded={week}>
              {(page) =>
                (page.items ?? []).length === 0 ? (
                  <Empty title="No referrals this week yet.">
                    <a href="/referrals">Record one</a> when a partner sends someone your way.
                  </Empty>
                ) : (
                  <ul class="list" aria-label="Referrals received this week">
                    {(page.items ?? []).map((r) => (
                      <li key={r.id} class={r.overdue ? 'overdue' : ''}>
                        <div class="grow">
                          <a href={`/referrals/${r.id}`}>{r.referred?.name}</a>
                          <div class="muted small">
                            from {r.referrerName ?? 'unknown'} · {relative(r.receivedAt, now)}
                          </div>
                        </div>
                        <Chip value={r.status} tone={r.overdue ? 'bad' : 'info'} />
                      </li>
                    ))}
                  </ul>
                )
              }
            </LoadState>
          </section>
          <section class="card" aria-labelledby="goal-heading">
            <h2 id="goal-heading">Goal for {yearMonth(now)}</h2>
            <LoadState loaded={goals}>
              {(g) =>
                g.target == null ? (
                  <Empty title="No monthly goal yet.">
                    Set your monthly referral goal in <a href="/settings">Settings</a>.
                  </Empty>
                ) : (
                  <GoalProgress target={g.target} received={Number(g.received ?? 0)} projection={g.projection} />
                )
              }
            </LoadState>
          </section>
        </div>
      </div>
    </section>
  );
}

function GoalProgress(props: { target: number; received: number; projection?: number | null }) {
  const share = props.target > 0 ? Math.min(1, props.received / props.target) : 0;
  return (
    <div class="stack">
      <div class="grid three">
        <Stat label="Received" value={props.received} />
        <Stat label="Goal" value={props.target} />
        <Stat label="Projected" value={props.projection ?? '—'} />
      </div>
      <progress
        max={props.target}
        value={Math.min(props.received, props.target)}
        aria-label="Referrals received towards the monthly goal"
      >
        {Math.round(share * 100)}%
      </progress>
    </div>
  );
}
