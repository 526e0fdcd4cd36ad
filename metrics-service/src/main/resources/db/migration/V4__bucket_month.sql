-- Monthly roll-up of metrics_bucket (month = first local day of the month), kept in the same transactions as the day
-- buckets, so that long-range reads sum about one row per month instead of one per day.
create table metrics_bucket_month (
    tenant_id varchar(100)   not null,
    scope     varchar(12)    not null,
    scope_key varchar(64)    not null,
    measure   varchar(40)    not null,
    currency  varchar(3)     not null,
    month     date           not null,
    value     numeric(19, 4) not null,
    primary key (tenant_id, scope, scope_key, measure, currency, month)
);

insert into metrics_bucket_month (tenant_id, scope, scope_key, measure, currency, month, value)
select tenant_id, scope, scope_key, measure, currency, cast(date_trunc('month', day) as date), sum(value)
from metrics_bucket
group by tenant_id, scope, scope_key, measure, currency, cast(date_trunc('month', day) as date);
