-- Intake links: a secret URL through which form builders and Zapier-style webhooks post referrals without OAuth.
-- Only a SHA-256 hash of the token is kept; the signing secret must be kept to verify signatures.
-- TODO(security): encrypt signing_secret at rest (envelope encryption with a KMS key) before production.
create table intake_link (
    id                    uuid          primary key,
    tenant_id             varchar(64)   not null,
    name                  varchar(200)  not null,
    partner_id            uuid,
    signed                boolean       not null,
    token_hash            varchar(64)   not null,
    signing_secret        varchar(100),
    rate_limit_per_minute int           not null,
    created_at            timestamptz   not null,
    rotated_at            timestamptz,
    revoked_at            timestamptz,
    version               bigint        not null default 0,
    constraint intake_link_token_hash unique (token_hash),
    constraint intake_link_signed_has_secret check (signed = (signing_secret is not null)),
    constraint intake_link_rate_limit check (rate_limit_per_minute between 1 and 600)
);
create index intake_link_tenant on intake_link (tenant_id, created_at desc, id);

-- Requests per link per minute window; an upsert counts them across every replica.
create table intake_rate_window (
    link_id      uuid        not null,
    window_start timestamptz not null,
    requests     int         not null,
    primary key (link_id, window_start)
);

-- The most recent referral of the same practice within 30 days with the same email or phone digits.
alter table referral add column possible_duplicate_of uuid;
create index referral_tenant_email on referral (tenant_id, lower(referred_email));
create index referral_tenant_phone on referral (tenant_id, regexp_replace(referred_phone, '[^0-9]', '', 'g'));
