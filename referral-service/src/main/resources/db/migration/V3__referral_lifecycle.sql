-- Inbound lifecycle: dated status and consent history, first-contact deadline, per-practice settings.
alter table referral add column first_contact_due_at timestamptz;
alter table referral add column first_contacted_at timestamptz;
update referral set first_contact_due_at = received_at + interval '48 hours';
update referral set first_contacted_at = updated_at where status <> 'RECEIVED';
alter table referral alter column first_contact_due_at set not null;
create index referral_tenant_status_due on referral (tenant_id, status, first_contact_due_at);

create table referral_status_change (
    id           uuid          primary key,
    tenant_id    varchar(64)   not null,
    referral_id  uuid          not null references referral (id),
    from_status  varchar(30),
    to_status    varchar(30)   not null,
    note         varchar(4000),
    changed_at   timestamptz   not null
);
create index referral_status_change_referral on referral_status_change (tenant_id, referral_id, changed_at);
-- Every referral's history starts with its receipt (and, for ones converted before this table, the conversion).
insert into referral_status_change (id, tenant_id, referral_id, from_status, to_status, changed_at)
    select md5(random()::text || id::text)::uuid, tenant_id, id, null, 'RECEIVED', received_at from referral;
insert into referral_status_change (id, tenant_id, referral_id, from_status, to_status, changed_at)
    select md5(random()::text || id::text)::uuid, tenant_id, id, 'RECEIVED', status, coalesce(converted_at, updated_at)
    from referral where status <> 'RECEIVED';

create table referral_consent_change (
    id           uuid          primary key,
    tenant_id    varchar(64)   not null,
    referral_id  uuid          not null references referral (id),
    consent      varchar(20)   not null,
    note         varchar(4000),
    changed_at   timestamptz   not null
);
create index referral_consent_change_referral on referral_consent_change (tenant_id, referral_id, changed_at);
insert into referral_consent_change (id, tenant_id, referral_id, consent, changed_at)
    select md5(random()::text || id::text)::uuid, tenant_id, id, consent, received_at from referral;

create table referral_settings (
    tenant_id            varchar(64) primary key,
    first_contact_hours  integer     not null check (first_contact_hours between 1 and 720),
    updated_at           timestamptz not null
);
