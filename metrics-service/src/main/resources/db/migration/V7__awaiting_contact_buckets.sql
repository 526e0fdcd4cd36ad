-- The summary's "overdue first contacts now" counted every open, never-contacted referral of the practice's history
-- on each read. Such referrals are now a bucket measure by their deadline's local day (ReferralContributions), kept
-- like every other; these are the buckets the existing facts would have written, staging copies of rebuilds included.
create temporary table awaiting_contact_days on commit drop as
select r.tenant_id, cast(r.first_contact_due_at at time zone coalesce(p.time_zone, 'UTC') as date) as day, count(*) as n
from metrics_referral r
left join metrics_practice p on p.tenant_id = r.tenant_id
where r.received_at is not null and r.first_contact_due_at is not null
  and r.contacted_at is null and r.consultation_at is null and r.converted_at is null and r.closed_at is null
group by 1, 2;

insert into metrics_bucket (tenant_id, scope, scope_key, measure, currency, day, value)
select tenant_id, 'practice', '', 'awaiting_contact', '', day, n from awaiting_contact_days;

insert into metrics_bucket_month (tenant_id, scope, scope_key, measure, currency, month, value)
select tenant_id, 'practice', '', 'awaiting_contact', '', cast(date_trunc('month', day) as date), sum(n)
from awaiting_contact_days
group by tenant_id, cast(date_trunc('month', day) as date);
