-- Events waiting to be relayed to Kafka, written in the same transaction as the change they announce.
create table outbox_event (
    seq          bigserial primary key,
    id           uuid        not null unique,
    tenant_id    varchar(64) not null,
    topic        varchar(200) not null,
    event_key    varchar(200) not null,
    event_type   varchar(200) not null,
    payload      text        not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;
