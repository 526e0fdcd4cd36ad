-- Referrals the practice gives to its partners: the other half of reciprocity.
create table given_referral (
    id            uuid          primary key,
    tenant_id     varchar(64)   not null,
    partner_id    uuid          not null,
    person_name   varchar(200)  not null,
    person_email  varchar(320),
    person_phone  varchar(40),
    need          varchar(1000) not null,
    note          varchar(4000),
    given_on      date          not null,
    created_at    timestamptz   not null
);
create index given_referral_tenant_partner on given_referral (tenant_id, partner_id, given_on desc);
create index given_referral_tenant_given on given_referral (tenant_id, given_on desc, created_at desc);
