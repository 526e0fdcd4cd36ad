-- Ids of consumed events, recorded in the same transaction as their effect so a redelivery changes nothing.
create table processed_event (
    event_id     varchar(200) primary key,
    tenant_id    varchar(64)  not null,
    event_type   varchar(200) not null,
    processed_at timestamptz  not null default now()
);
