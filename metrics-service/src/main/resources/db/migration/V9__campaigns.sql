-- Campaign results (issue 29), written by CampaignProjection from the campaign events; each row is one event's fact,
-- so the order in which the three topics' events arrive does not matter, and the counts are taken when read.
-- Conversions and revenue are read from metrics_referral (the referral's own fact), so they need no copy here.
-- Tenant ids are 100 characters like every read model's: a rebuild fills a staging copy (ReadModelTables).
create table campaign (
    tenant_id    varchar(100) not null,
    campaign_id  uuid         not null,
    name         text,
    goal         varchar(30),
    trigger_kind varchar(30),
    starts_at    timestamptz,
    ends_at      timestamptz,
    started_at   timestamptz,
    ended_at     timestamptz,
    primary key (tenant_id, campaign_id)
);

create table campaign_variant (
    tenant_id             varchar(100)   not null,
    campaign_id           uuid           not null,
    variant_key           text          not null,
    position              integer        not null,
    name                  text           not null,
    weight                integer        not null,
    incentive_type        varchar(30),
    incentive_amount      numeric(19, 4),
    incentive_currency    char(3),
    incentive_description text,
    incentive_earned_on   varchar(20),
    primary key (tenant_id, campaign_id, variant_key)
);

-- One row per ask that reached the SMTP server (CampaignAskSent): a partner is "asked" by it.
create table campaign_ask (
    tenant_id   varchar(100) not null,
    ask_id      uuid         not null,
    campaign_id uuid         not null,
    partner_id  uuid         not null,
    variant_key text        not null,
    sent_at     timestamptz  not null,
    primary key (tenant_id, ask_id)
);
create index campaign_ask_by_campaign on campaign_ask (tenant_id, campaign_id, variant_key, partner_id);

-- One row per referral attributed to a campaign (at most one campaign per referral).
create table campaign_referral (
    tenant_id     varchar(100) not null,
    referral_id   uuid         not null,
    campaign_id   uuid         not null,
    variant_key   text        not null,
    partner_id    uuid         not null,
    ask_id        uuid         not null,
    via           varchar(20)  not null,
    received_at   timestamptz  not null,
    attributed_at timestamptz  not null,
    primary key (tenant_id, referral_id)
);
create index campaign_referral_by_campaign on campaign_referral (tenant_id, campaign_id, variant_key);

-- Every reward earned for a referral (RewardEarned), whichever arrives first of it and the attribution: the incentive
-- cost is the rewards among these that match an attributed referral's variant incentive (CampaignRepository).
create table campaign_reward (
    tenant_id   varchar(100)   not null,
    reward_id   uuid           not null,
    referral_id uuid           not null,
    partner_id  uuid           not null,
    type        varchar(30)    not null,
    amount      numeric(19, 4),
    currency    char(3),
    primary key (tenant_id, reward_id)
);
create index campaign_reward_by_referral on campaign_reward (tenant_id, referral_id);
