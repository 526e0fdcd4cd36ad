create table partner (
    id          uuid         primary key,
    tenant_id   varchar(64)  not null,
    name        varchar(200) not null,
    email       varchar(320),
    category    varchar(40)  not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     bigint       not null default 0
);
create index partner_tenant_name on partner (tenant_id, lower(name), id);
-- One partner per email within a practice; a second one is a duplicate (409).
create unique index partner_tenant_email on partner (tenant_id, lower(email)) where email is not null;
