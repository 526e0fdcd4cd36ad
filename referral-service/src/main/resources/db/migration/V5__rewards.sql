-- Compensation terms of partners' agreements, copied from partner-service's events, with when each was in force.
create table agreement_terms (
    agreement_id       uuid          primary key,
    tenant_id          varchar(64)   not null,
    partner_id         uuid          not null,
    compensation_type  varchar(40)   not null,
    percent            numeric(5, 2),
    flat_fee_amount    numeric(19, 4),
    flat_fee_currency  char(3),
    effective_from     date          not null,
    effective_to       date,
    activated_at       timestamptz   not null,
    ended_at           timestamptz
);
create index agreement_terms_partner on agreement_terms (tenant_id, partner_id, activated_at desc);

-- What converted referrals earned: fees owed to partners, discounts for referred clients, rewards for referring clients.
create table reward (
    id                uuid          primary key,
    tenant_id         varchar(64)   not null,
    referral_id       uuid          not null references referral (id),
    partner_id        uuid          not null,
    type              varchar(40)   not null,
    beneficiary       varchar(20)   not null,
    agreement_id      uuid,
    percent           numeric(5, 2),
    amount            numeric(19, 4),
    currency          char(3),
    description       varchar(2000),
    status            varchar(20)   not null,
    earned_at         timestamptz   not null,
    paid_at           timestamptz,
    payment_reference varchar(200),
    waived_at         timestamptz,
    waiver_reason     varchar(2000),
    version           bigint        not null default 0,
    constraint reward_money_complete check ((amount is null) = (currency is null))
);
-- One fee per converted referral under its agreement, whatever is redelivered.
create unique index reward_one_fee_per_referral on reward (tenant_id, referral_id) where agreement_id is not null;
create index reward_tenant_partner on reward (tenant_id, partner_id, earned_at desc);
