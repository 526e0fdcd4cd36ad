-- Campaigns that ended (CampaignEnded on partner.events). Their asks' links arrive on another topic
-- (referral.campaign-links), possibly after the end was read: a link of an ended campaign writes no ask.
create table ended_campaign (
    tenant_id   varchar(100) not null,
    campaign_id uuid         not null,
    ended_at    timestamptz  not null,
    primary key (tenant_id, campaign_id)
);
