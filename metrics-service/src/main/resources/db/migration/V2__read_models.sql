-- The read models of issue 8: facts per referral, given referral and reward; the partner dimension with its running
-- totals; day buckets per scope; the practice's profile; new clients per month.
-- V1's totals had no facts under them, so they restart empty: the consumer group changed with this version
-- (application.properties), which replays both topics from the beginning into these tables.
truncate partner_metrics;
drop table partner_revenue;
delete from processed_event;

-- Tenant ids are 64 characters; 100 leaves room for the prefix of a rebuild's staging rows (see RebuildService).
alter table partner_metrics
    alter column tenant_id type varchar(100),
    add column known                   boolean     not null default false,
    add column alliance_types          varchar(1000),
    add column stage                   varchar(40),
    add column archived                boolean     not null default false,
    add column candidate               boolean     not null default false,
    add column cadence_days            integer,
    add column agreement_id            uuid,
    add column attributes_at           timestamptz,
    add column stage_at                timestamptz,
    add column archived_at             timestamptz,
    add column referrals_closed        bigint      not null default 0,
    add column referrals_given         bigint      not null default 0,
    add column last_given_on           date,
    add column conversion_rate         numeric(9, 4),
    add column average_days_to_convert numeric(19, 4),
    add column balance                 bigint      not null default 0,
    add column top_revenue             numeric(19, 4) not null default 0,
    add column last_activity_at        timestamptz,
    add column dormant_since           timestamptz;
create index partner_metrics_dormant on partner_metrics (tenant_id, last_activity_at) where dormant_since is not null;
create index partner_metrics_silent on partner_metrics (last_activity_at) where dormant_since is null and not archived;

-- Money per partner, measure (revenue, given_value, fees_owed ...) and currency: currencies never mix.
create table partner_amount (
    tenant_id  varchar(100)   not null,
    partner_id uuid           not null,
    measure    varchar(40)    not null,
    currency   char(3)        not null,
    amount     numeric(19, 4) not null default 0,
    primary key (tenant_id, partner_id, measure, currency)
);

create table metrics_practice (
    tenant_id            varchar(100) primary key,
    time_zone            varchar(64)  not null default 'UTC',
    monthly_goal         integer,
    default_cadence_days integer,
    profile_at           timestamptz
);

-- Fact rows are created empty and filled by their events (FactRows), hence nullable columns.
-- One row per inbound referral, merged from its events in any order (earliest time of each step wins).
create table metrics_referral (
    tenant_id            varchar(100) not null,
    referral_id          uuid         not null,
    partner_id           uuid,
    channel              varchar(20),
    received_at          timestamptz,
    first_contact_due_at timestamptz,
    contacted_at         timestamptz,
    consultation_at      timestamptz,
    converted_at         timestamptz,
    closed_at            timestamptz,
    closed_outcome       varchar(20),
    program_amount       numeric(19, 4),
    program_currency     char(3),
    primary key (tenant_id, referral_id)
);
-- Open referrals still waiting for their first contact: the summary's "overdue now" counts these only.
create index metrics_referral_awaiting_contact on metrics_referral (tenant_id, first_contact_due_at)
    where contacted_at is null and consultation_at is null and converted_at is null and closed_at is null;

create table metrics_given (
    tenant_id      varchar(100) not null,
    given_id       uuid         not null,
    partner_id     uuid,
    given_on       date,
    value_amount   numeric(19, 4),
    value_currency char(3),
    primary key (tenant_id, given_id)
);

create table metrics_reward (
    tenant_id     varchar(100) not null,
    reward_id     uuid         not null,
    partner_id    uuid,
    type          varchar(30),
    amount        numeric(19, 4),
    currency      char(3),
    earned_at     timestamptz,
    paid_amount   numeric(19, 4),
    paid_currency char(3),
    paid_at       timestamptz,
    primary key (tenant_id, reward_id)
);

-- Pre-aggregated values per local day: scope practice (key ''), partner (partner id), category, alliance, stage,
-- channel. Group scopes follow each partner's current attributes. Reads sum a key range of the primary key.
create table metrics_bucket (
    tenant_id varchar(100)   not null,
    scope     varchar(12)    not null,
    scope_key varchar(64)    not null,
    measure   varchar(40)    not null,
    currency  varchar(3)     not null,
    day       date           not null,
    value     numeric(19, 4) not null,
    primary key (tenant_id, scope, scope_key, measure, currency, day)
);

create table metrics_new_clients (
    tenant_id varchar(100) not null,
    month     char(7)      not null,
    count     integer      not null,
    primary key (tenant_id, month)
);

create table metrics_rebuild (
    id             uuid primary key,
    tenant_id      varchar(64) not null,
    status         varchar(20) not null,
    started_at     timestamptz not null,
    finished_at    timestamptz,
    events_applied bigint      not null default 0,
    error          text
);
