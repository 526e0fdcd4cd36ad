-- Time to booking (issue 30): per partner, the referrals booked and their days from receipt to the first move to
-- consultation_booked, for averageDaysToBook beside averageDaysToConvert; the buckets gain the measures booked and
-- book_days (ReferralContributions). Backfilled from the existing facts as ReferralContributions would have written
-- them (staging copies of rebuilds included), so a practice needs no rebuild to see its past bookings.
alter table partner_metrics
    add column referrals_booked     bigint         not null default 0,
    add column days_to_book_sum     numeric(19, 4) not null default 0,
    add column average_days_to_book numeric(19, 4);

-- One row per booked referral: its booking's local day, and days as ReferralContributions.days (whole seconds over
-- 86400, four decimals, half up).
create temporary table booked_referral on commit drop as
select r.tenant_id, r.partner_id, lower(coalesce(r.channel, 'API')) as channel,
       cast(r.consultation_at at time zone coalesce(p.time_zone, 'UTC') as date) as day,
       round(cast(floor(extract(epoch from r.consultation_at - r.received_at)) as numeric) / 86400, 4) as days
from metrics_referral r
left join metrics_practice p on p.tenant_id = r.tenant_id
where r.received_at is not null and r.consultation_at is not null;

-- Every scope a booked referral counts in (Scope.ofPartner: the partner and its current groups; the practice; the
-- channel).
create temporary table booked_scope on commit drop as
select tenant_id, 'practice' as scope, '' as scope_key, day, days from booked_referral
union all
select tenant_id, 'channel', channel, day, days from booked_referral
union all
select tenant_id, 'partner', cast(partner_id as varchar), day, days from booked_referral where partner_id is not null
union all
select b.tenant_id, 'category', lower(m.category), b.day, b.days
from booked_referral b join partner_metrics m on m.tenant_id = b.tenant_id and m.partner_id = b.partner_id
where m.category is not null
union all
select b.tenant_id, 'alliance', a.type, b.day, b.days
from booked_referral b join partner_metrics m on m.tenant_id = b.tenant_id and m.partner_id = b.partner_id
cross join lateral unnest(string_to_array(m.alliance_types, '|')) as a(type)
where a.type <> ''
union all
select b.tenant_id, 'stage', lower(m.stage), b.day, b.days
from booked_referral b join partner_metrics m on m.tenant_id = b.tenant_id and m.partner_id = b.partner_id
where m.stage is not null;

create temporary table booked_bucket on commit drop as
select tenant_id, scope, scope_key, 'booked' as measure, day, cast(count(*) as numeric) as value
from booked_scope group by tenant_id, scope, scope_key, day
union all
select tenant_id, scope, scope_key, 'book_days', day, sum(days)
from booked_scope group by tenant_id, scope, scope_key, day having sum(days) <> 0;

insert into metrics_bucket (tenant_id, scope, scope_key, measure, currency, day, value)
select tenant_id, scope, scope_key, measure, '', day, value from booked_bucket;

insert into metrics_bucket_month (tenant_id, scope, scope_key, measure, currency, month, value)
select tenant_id, scope, scope_key, measure, '', cast(date_trunc('month', day) as date), sum(value)
from booked_bucket
group by tenant_id, scope, scope_key, measure, cast(date_trunc('month', day) as date);

-- The partners' totals; the average rounds half to even to one decimal, as PartnerMetrics.addTotals does.
update partner_metrics m
set referrals_booked = s.booked,
    days_to_book_sum = s.days,
    average_days_to_book = case
        when s.days * 10 / s.booked = trunc(s.days * 10 / s.booked) + 0.5 and mod(trunc(s.days * 10 / s.booked), 2) = 0
            then trunc(s.days * 10 / s.booked) / 10
        else round(s.days / s.booked, 1)
    end
from (select tenant_id, partner_id, count(*) as booked, sum(days) as days
      from booked_referral where partner_id is not null group by tenant_id, partner_id) s
where m.tenant_id = s.tenant_id and m.partner_id = s.partner_id;
