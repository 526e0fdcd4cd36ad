-- The full relationship model: who the partner is, where the relationship stands, how it is kept up.
alter table partner
    add column organization         varchar(200),
    add column role                 varchar(200),
    add column licensed             boolean      not null default false,
    add column phone                varchar(40),
    add column website              varchar(500),
    add column notes                varchar(8000),
    add column tags                 text[]       not null default '{}',
    add column niches               text[]       not null default '{}',
    add column alliance_types       text[]       not null default '{}',
    add column stage                varchar(30)  not null default 'IDENTIFIED',
    add column owner                varchar(200),
    add column check_in_cadence_days int,
    add column candidate            boolean      not null default false,
    add column candidate_referral_id uuid,
    add column needs_review         boolean      not null default false,
    add column active_agreement_id  uuid,
    add column fit_score            int,
    add column fit_reasons          text[]       not null default '{}',
    add column last_touchpoint_at   timestamptz,
    add column next_check_in_due    timestamptz,
    add column archived_at          timestamptz;

create index partner_tenant_stage on partner (tenant_id, stage);
create index partner_tenant_check_in on partner (tenant_id, next_check_in_due) where archived_at is null;
create index partner_tags on partner using gin (tags);
create index partner_alliance_types on partner using gin (alliance_types);

-- Every stage a relationship has been through, dated; the first row is its creation.
create table partner_stage_change (
    id          uuid         primary key,
    tenant_id   varchar(64)  not null,
    partner_id  uuid         not null references partner (id),
    from_stage  varchar(30),
    to_stage    varchar(30)  not null,
    note        varchar(2000),
    reason      varchar(2000),
    changed_by  varchar(200),
    changed_at  timestamptz  not null
);
create index partner_stage_change_partner on partner_stage_change (tenant_id, partner_id, changed_at);

-- The practice's own profile, used for fit and cadence.
create table practice (
    tenant_id                varchar(64)  primary key,
    services                 text[]       not null default '{}',
    ideal_demographics       varchar(2000),
    ideal_psychographics     varchar(2000),
    ideal_situation          varchar(2000),
    ideal_readiness          varchar(2000),
    niches                   text[]       not null default '{}',
    default_check_in_cadence_days int     not null default 30,
    monthly_referral_goal    int,
    updated_at               timestamptz  not null
);
