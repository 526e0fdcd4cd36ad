-- Public intake hardening (issue 10).

-- Who a referral is attributed to, and whether the practice stands behind it. A referrer matched by email on a public
-- intake link is unverified until the practice confirms (or rejects) it; no fee is owed on an unverified or rejected
-- attribution. Every referral so far was attributed by the practice itself (API) or by a link it bound to a partner.
alter table referral add column attribution varchar(16) not null default 'VERIFIED';
alter table referral add constraint referral_attribution
    check (attribution in ('VERIFIED', 'UNVERIFIED', 'CONFIRMED', 'REJECTED'));

-- Failed signature checks are counted apart from accepted requests, so that they never use up a link's quota.
alter table intake_rate_window add column failures int not null default 0;

-- Requests accepted through a link per UTC day, for the daily cap.
create table intake_daily_count (
    link_id  uuid not null,
    day      date not null,
    requests int  not null,
    primary key (link_id, day)
);

-- The webhook-id of every signed request accepted, kept longer than the 5-minute signature tolerance, so that a
-- captured signed request cannot be replayed into a new referral.
create table intake_webhook_message (
    link_id     uuid         not null,
    webhook_id  varchar(200) not null,
    received_at timestamptz  not null,
    primary key (link_id, webhook_id)
);
create index intake_webhook_message_received on intake_webhook_message (received_at);

-- Requests a link accepts per UTC day, whatever its per-minute limit.
alter table intake_link add column daily_cap int not null default 1000;
alter table intake_link add constraint intake_link_daily_cap check (daily_cap between 1 and 100000);

-- Signing secrets are stored encrypted (AES-256-GCM, base64 with a key id) from V8 on: room for the longer value.
alter table intake_link alter column signing_secret type varchar(300);
