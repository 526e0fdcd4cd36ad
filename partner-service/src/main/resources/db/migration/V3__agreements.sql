-- Written terms with a partner: what each side gives, what the partner gets for a referral that converts.
-- At most one agreement of a partner is active; a new one supersedes it, and the old one stays as history.
create table agreement (
    id                       uuid          primary key,
    tenant_id                varchar(64)   not null,
    partner_id               uuid          not null references partner (id),
    kind                     varchar(20)   not null
        constraint agreement_kind check (kind in ('INFORMAL', 'FORMAL', 'INCENTIVIZED')),
    direction                varchar(20)   not null
        constraint agreement_direction check (direction in ('ONE_WAY', 'RECIPROCAL')),
    practice_gives           text[]        not null default '{}',
    partner_gives            text[]        not null default '{}',
    compensation_type        varchar(30)   not null
        constraint agreement_compensation_type check (compensation_type in
            ('NONE', 'REFERRAL_FEE_PERCENT', 'FLAT_FEE', 'REVENUE_SHARE_PERCENT', 'CLIENT_DISCOUNT_PERCENT')),
    compensation_percent     numeric(5,2)
        constraint agreement_compensation_percent check (compensation_percent between 0 and 100),
    flat_fee_amount          numeric(19,4)
        constraint agreement_flat_fee_amount check (flat_fee_amount > 0),
    flat_fee_currency        char(3),
    effective_from           date          not null,
    effective_to             date,
    signed_on                date,
    signed_via               varchar(20)
        constraint agreement_signed_via check (signed_via in ('EMAIL_SUMMARY', 'SIGNED_DOCUMENT')),
    fee_disclosed_to_clients boolean       not null default false,
    compliance_acknowledged  boolean       not null default false,
    status                   varchar(20)   not null
        constraint agreement_status check (status in ('ACTIVE', 'SUPERSEDED', 'ENDED')),
    -- Deferred: the old agreement names its successor before the successor's row exists (the one-active index
    -- needs the old one out of ACTIVE first).
    superseded_by            uuid          references agreement (id) deferrable initially deferred,
    ended_at                 timestamptz,
    end_reason               varchar(2000),
    created_at               timestamptz   not null,
    created_by               varchar(200),
    -- A percent for the percentage kinds, an amount and currency for a flat fee, nothing for none.
    constraint agreement_compensation_terms check (
        (compensation_type = 'NONE'
            and compensation_percent is null and flat_fee_amount is null and flat_fee_currency is null)
        or (compensation_type = 'FLAT_FEE'
            and compensation_percent is null and flat_fee_amount is not null and flat_fee_currency is not null)
        or (compensation_type in ('REFERRAL_FEE_PERCENT', 'REVENUE_SHARE_PERCENT', 'CLIENT_DISCOUNT_PERCENT')
            and compensation_percent is not null and flat_fee_amount is null and flat_fee_currency is null)),
    constraint agreement_effective_range check (effective_to is null or effective_to > effective_from),
    constraint agreement_ended check ((status = 'ACTIVE') = (ended_at is null)),
    constraint agreement_superseded check ((status = 'SUPERSEDED') = (superseded_by is not null))
);

create index agreement_tenant_partner on agreement (tenant_id, partner_id, created_at desc);
-- One active agreement per partner.
create unique index agreement_one_active on agreement (partner_id) where status = 'ACTIVE';
