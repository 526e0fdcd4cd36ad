-- Idempotency-Key of write requests: a retry gets the first answer, a different body with the same key a 422.
create table idempotency_key (
    tenant_id       varchar(64)  not null,
    idempotency_key varchar(255) not null,
    request_hash    varchar(64)  not null,
    response_status int,
    response_body   text,
    created_at      timestamptz  not null default now(),
    primary key (tenant_id, idempotency_key)
);
create index idempotency_key_created on idempotency_key (created_at);
