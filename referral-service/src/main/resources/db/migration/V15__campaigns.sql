-- Campaigns (issue 29): partner-service owns them; referral-service keeps what it needs to make each ask's campaign
-- link and to attribute referrals: the window and the variants' asks and incentives (partner.campaign-started, -ended).
create table campaign (
    id          uuid         primary key,
    tenant_id   varchar(64)  not null,
    name        varchar(200) not null,
    starts_at   timestamptz  not null,
    ends_at     timestamptz  not null,
    -- Set by partner.campaign-ended: the end, or earlier when the practice ended it.
    ended_at    timestamptz,
    auto_send   boolean      not null,
    started_at  timestamptz  not null
);

create table campaign_variant (
    id                    uuid          primary key,
    campaign_id           uuid          not null references campaign (id),
    variant               varchar(64)   not null,
    name                  varchar(200)  not null,
    ask_subject           text          not null,
    ask_body              text          not null,
    -- The incentive (all null: none): a reward of this type and value for the partner, earned on referral or conversion.
    incentive_type        varchar(40),
    incentive_amount      numeric(19, 4),
    incentive_currency    varchar(3),
    incentive_description text,
    incentive_earned_on   varchar(20),
    constraint campaign_variant_key unique (campaign_id, variant)
);

-- Asks that reached the SMTP server (notification.campaign-ask-sent): only these make a partner "asked", whose
-- referrals by other channels inside the window are attributed to the campaign.
create table campaign_ask_sent (
    ask_id      uuid         primary key,
    tenant_id   varchar(64)  not null,
    campaign_id uuid         not null,
    partner_id  uuid         not null,
    variant     varchar(64)  not null,
    sent_at     timestamptz  not null
);
create index campaign_ask_sent_partner on campaign_ask_sent (tenant_id, partner_id, sent_at);

-- A campaign link is an intake link bound to the partner, carrying the ask it was made for: one per ask.
alter table intake_link add column campaign_id uuid;
alter table intake_link add column campaign_variant varchar(64);
alter table intake_link add column campaign_ask_id uuid;
create unique index intake_link_campaign_ask on intake_link (campaign_ask_id) where campaign_ask_id is not null;

-- The campaign a referral counts for (at most one), and how: campaign_link or other_channel.
alter table referral add column campaign_id uuid;
alter table referral add column campaign_variant varchar(64);
alter table referral add column campaign_ask_id uuid;
alter table referral add column campaign_via varchar(20);
alter table referral add constraint referral_campaign_whole
    check ((campaign_id is null) = (campaign_via is null) and (campaign_id is null) = (campaign_ask_id is null));
-- The practice's answer to a converted referral's pleased check-in (null: not answered).
alter table referral add column pleased boolean;
alter table referral add column pleased_answered_at timestamptz;

-- A campaign's incentive earned by a referral: at most one per referral.
alter table reward add column campaign_id uuid;
create unique index reward_campaign_incentive on reward (referral_id) where campaign_id is not null;
