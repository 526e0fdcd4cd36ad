-- The partners referrals can name, copied from partner-service's events.
create table known_partner (
    tenant_id   varchar(64)  not null,
    partner_id  uuid         not null,
    name        varchar(200) not null,
    email       varchar(320),
    category    varchar(40)  not null,
    changed_at  timestamptz  not null,
    primary key (tenant_id, partner_id)
);

create table referral (
    id             uuid          primary key,
    tenant_id      varchar(64)   not null,
    partner_id     uuid          not null,
    referrer_name  varchar(200)  not null,
    referrer_email varchar(320),
    referred_name  varchar(200)  not null,
    referred_email varchar(320),
    referred_phone varchar(40),
    note           varchar(4000),
    consent        varchar(20)   not null,
    status         varchar(30)   not null,
    program_value  numeric(19, 4),
    currency       char(3),
    received_at    timestamptz   not null,
    converted_at   timestamptz,
    updated_at     timestamptz   not null,
    version        bigint        not null default 0,
    constraint referral_conversion_complete check (
        (status = 'CONVERTED') = (program_value is not null and currency is not null and converted_at is not null))
);
create index referral_tenant_received on referral (tenant_id, received_at desc, id);
create index referral_tenant_partner on referral (tenant_id, partner_id);
