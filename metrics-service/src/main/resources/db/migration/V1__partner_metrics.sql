-- Running totals per partner, built from partner and referral events.
create table partner_metrics (
    tenant_id           varchar(64)  not null,
    partner_id          uuid         not null,
    partner_name        varchar(200),
    category            varchar(40),
    referrals_received  bigint       not null default 0,
    referrals_converted bigint       not null default 0,
    first_referral_at   timestamptz,
    last_referral_at    timestamptz,
    -- Sum of days from receipt to conversion, for the average time to convert.
    days_to_convert_sum numeric(19, 4) not null default 0,
    primary key (tenant_id, partner_id)
);

-- Program value of converted referrals, per partner and currency: amounts in different currencies never mix.
create table partner_revenue (
    tenant_id  varchar(64)    not null,
    partner_id uuid           not null,
    currency   char(3)        not null,
    amount     numeric(19, 4) not null default 0,
    primary key (tenant_id, partner_id, currency)
);
