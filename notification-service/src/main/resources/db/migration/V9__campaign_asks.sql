-- Campaign asks (issue 29): a message of kind CAMPAIGN_ASK names the campaign, the variant the partner was assigned and
-- the ask (CampaignLinkIssued.askId); one message per ask, whatever the broker redelivers.
alter table notification
    add column campaign_id uuid,
    add column variant varchar(64),
    add column ask_id uuid,
    -- The campaign's end: an ask not sent by then never is.
    add column campaign_ends_at timestamptz,
    -- Not sent before this time: asks queued by a campaign are spaced (notification.campaigns.asks-per-minute), so a
    -- large campaign does not flood the SMTP relay. Null for every other message.
    add column send_after timestamptz;
create unique index notification_one_per_ask on notification (tenant_id, ask_id) where ask_id is not null;
create index notification_campaign on notification (tenant_id, campaign_id) where campaign_id is not null;
-- The practice's latest paced ask, read when the next one is queued.
create index notification_send_after on notification (tenant_id, send_after desc) where send_after is not null;
