-- Outbound webhooks and Zapier REST hooks (issue 12): who listens to which events, one delivery per subscription and
-- event (recorded in the transaction that consumed the event), and every attempt at sending it.
create table webhook_subscription (
    id                          uuid          primary key,
    tenant_id                   varchar(64)   not null,
    kind                        varchar(16)   not null,
    url                         varchar(2048) not null,
    -- The catalogue names subscribed to, comma-separated (a handful per subscription).
    events                      varchar(1000) not null,
    description                 varchar(500),
    enabled                     boolean       not null,
    -- Signing secrets, AES-256-GCM encrypted (never in plain text, never logged).
    secret                      varchar(500)  not null,
    previous_secret             varchar(500),
    previous_secret_expires_at  timestamptz,
    -- Since when every attempt failed (null while the endpoint answers); 3 days of it disable the subscription.
    failing_since               timestamptz,
    disabled_reason             varchar(300),
    created_at                  timestamptz   not null,
    updated_at                  timestamptz   not null
);
create index webhook_subscription_tenant on webhook_subscription (tenant_id, created_at);

create table webhook_delivery (
    id               uuid          primary key,
    tenant_id        varchar(64)   not null,
    subscription_id  uuid          not null references webhook_subscription (id) on delete cascade,
    event_id         varchar(100)  not null,
    event_type       varchar(60)   not null,
    -- The referral the event is about, if any: a person's erasure reaches its payload through it.
    referral_id      uuid,
    -- The CloudEvent sent, within the referred person's consent.
    payload          text          not null,
    status           varchar(16)   not null,
    -- Attempts since it was (re)queued: the backoff and the retry window count from queued_at.
    attempts         integer       not null default 0,
    queued_at        timestamptz   not null,
    next_attempt_at  timestamptz,
    last_status_code integer,
    last_error       varchar(500),
    created_at       timestamptz   not null,
    delivered_at     timestamptz,
    updated_at       timestamptz   not null,
    unique (subscription_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_subscription on webhook_delivery (subscription_id, created_at desc);
create index webhook_delivery_referral on webhook_delivery (tenant_id, referral_id) where referral_id is not null;

create table webhook_attempt (
    id               uuid          primary key,
    tenant_id        varchar(64)   not null,
    delivery_id      uuid          not null references webhook_delivery (id) on delete cascade,
    attempted_at     timestamptz   not null,
    status_code      integer,
    latency_ms       integer       not null,
    -- The first 1 KB of the answer's body, or why there was none.
    response_body    varchar(1100),
    error            varchar(500)
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, attempted_at);
