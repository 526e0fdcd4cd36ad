create table notification (
    id              uuid          primary key,
    tenant_id       varchar(64)   not null,
    kind            varchar(30)   not null,
    status          varchar(20)   not null,
    partner_id      uuid          not null,
    recipient_name  varchar(200)  not null,
    recipient_email varchar(320),
    referral_id     uuid          not null,
    subject         varchar(300)  not null,
    body            text          not null,
    created_at      timestamptz   not null
);
-- One thank-you per referral, whatever the broker redelivers.
create unique index notification_one_per_referral on notification (tenant_id, kind, referral_id);
create index notification_tenant_created on notification (tenant_id, created_at desc, id);
