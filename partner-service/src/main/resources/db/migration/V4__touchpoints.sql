-- Every contact with a partner (call, coffee meeting, email, event, gift, thank-you). The latest one sets the
-- partner's last_touchpoint_at, from which its next check-in is due one cadence later.
create table touchpoint (
    id          uuid          primary key,
    tenant_id   varchar(64)   not null,
    partner_id  uuid          not null references partner (id),
    kind        varchar(20)   not null
                check (kind in ('CALL', 'MEETING', 'EMAIL', 'EVENT', 'GIFT', 'THANK_YOU', 'OTHER')),
    occurred_at timestamptz   not null,
    note        varchar(4000),
    created_by  varchar(200),
    created_at  timestamptz   not null
);
create index touchpoint_partner_occurred on touchpoint (tenant_id, partner_id, occurred_at desc);
