-- When a partner's latest referral was seen (ReferralReceived naming them, or ReferralAttributed confirming one):
-- the campaigns' audience filters "last referral before/after" and "never referred". Null until a referral is seen.
alter table partner add column last_referral_at timestamptz;

-- A campaign (issue 29): an ask to an audience of partners in a window, in one or more weighted variants.
-- What a started campaign assigned never changes: its variants and seed are frozen from status RUNNING on.
create table campaign (
    id                        uuid          primary key,
    tenant_id                 varchar(64)   not null,
    name                      varchar(200)  not null,
    starts_at                 timestamptz   not null,
    ends_at                   timestamptz   not null,
    status                    varchar(20)   not null
        constraint campaign_status check (status in ('DRAFT', 'SCHEDULED', 'RUNNING', 'ENDED')),
    trigger                   varchar(20)   not null
        constraint campaign_trigger check (trigger in ('START', 'PLEASED_CHECK_IN')),
    goal                      varchar(30)   not null
        constraint campaign_goal check (goal in ('PARTNERS_REFERRING', 'CONVERSIONS')),
    auto_send                 boolean       not null,
    -- The audience: filters (each null or empty: no restriction), or an explicit list of partners, never both.
    audience_categories       text[]        not null default '{}',
    audience_alliance_types   text[]        not null default '{}',
    audience_stages           text[]        not null default '{}',
    audience_last_referral_before timestamptz,
    audience_last_referral_after  timestamptz,
    audience_fit_at_least     int
        constraint campaign_audience_fit check (audience_fit_at_least between 0 and 100),
    audience_never_referred   boolean,
    audience_partner_ids      uuid[],
    -- 32 random bytes drawn at creation: with a partner's id, the input of the sticky variant hash.
    seed                      bytea         not null
        constraint campaign_seed_length check (length(seed) = 32),
    difference_worth_knowing  numeric(4,3)  not null
        constraint campaign_difference check (difference_worth_knowing between 0.02 and 0.5),
    created_at                timestamptz   not null,
    created_by                varchar(200),
    updated_at                timestamptz   not null,
    started_at                timestamptz,
    ended_at                  timestamptz,
    version                   bigint        not null default 0,
    constraint campaign_window check (ends_at > starts_at),
    constraint campaign_started check ((status in ('RUNNING', 'ENDED')) = (started_at is not null)),
    constraint campaign_ended check ((status = 'ENDED') = (ended_at is not null))
);

create index campaign_tenant_created on campaign (tenant_id, created_at desc, id);
-- The scheduler's look-ups: scheduled campaigns due to start, running ones due to end.
create index campaign_due on campaign (status, starts_at, ends_at) where status in ('SCHEDULED', 'RUNNING');

-- A campaign's variants, in the order the practice gave them.
create table campaign_variant (
    campaign_id               uuid          not null references campaign (id) on delete cascade,
    position                  int           not null,
    key                       varchar(16)   not null,
    name                      varchar(200)  not null,
    weight                    int           not null
        constraint campaign_variant_weight check (weight between 1 and 100),
    ask_subject               varchar(300)  not null,
    ask_body                  text          not null,
    incentive_type            varchar(30),
    incentive_amount          numeric(19,4),
    incentive_currency        char(3),
    incentive_description     varchar(200),
    incentive_earned_on       varchar(20)
        constraint campaign_variant_earned_on check (incentive_earned_on in ('REFERRAL', 'CONVERSION')),
    primary key (campaign_id, position),
    constraint campaign_variant_key unique (campaign_id, key),
    -- An incentive is all of its columns or none of them.
    constraint campaign_variant_incentive check (
        (incentive_type is null and incentive_amount is null and incentive_currency is null
            and incentive_description is null and incentive_earned_on is null)
        or (incentive_type is not null and incentive_amount is not null and incentive_currency is not null
            and incentive_description is not null and incentive_earned_on is not null))
);

-- One ask a campaign assigned to a partner, with the partner's variant; its id is the ask id (CampaignAskAssigned).
create table campaign_assignment (
    id                        uuid          primary key,
    tenant_id                 varchar(64)   not null,
    campaign_id               uuid          not null references campaign (id),
    partner_id                uuid          not null references partner (id),
    variant                   varchar(16)   not null,
    assigned_at               timestamptz   not null,
    -- The pleased referral that triggered the ask; null for an ask made at the campaign's start.
    trigger_referral_id       uuid
);

-- A start campaign asks each partner once; a triggered one at most once per triggering referral.
create unique index campaign_assignment_once on campaign_assignment (campaign_id, partner_id)
    where trigger_referral_id is null;
create unique index campaign_assignment_trigger on campaign_assignment (campaign_id, trigger_referral_id)
    where trigger_referral_id is not null;
-- The overlap rule looks up a partner's assignments in other campaigns.
create index campaign_assignment_partner on campaign_assignment (tenant_id, partner_id);
