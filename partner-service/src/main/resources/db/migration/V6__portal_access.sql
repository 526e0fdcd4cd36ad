-- The partner portal (issue 28): who of a practice's partners may sign in, the one-use sign-in links sent to them, and
-- their sessions. partner-service owns partners and their emails, so it owns their portal identity too.

-- One row per partner ever invited. partner ids are unique across practices; tenant_id scopes every query.
create table portal_access (
    partner_id      uuid primary key references partner (id),
    tenant_id       varchar(64)  not null,
    email           varchar(320) not null,
    status          varchar(16)  not null check (status in ('INVITED', 'ACTIVE', 'REVOKED')),
    invited_at      timestamptz  not null,
    last_sign_in_at timestamptz,
    revoked_at      timestamptz,
    version         bigint       not null default 0
);
create index portal_access_tenant on portal_access (tenant_id, invited_at desc, partner_id);

-- A link's token is never stored: only its SHA-256 (hex). One use, valid until expires_at.
create table portal_sign_in_link (
    token_hash varchar(64) primary key,
    tenant_id  varchar(64) not null,
    partner_id uuid        not null references portal_access (partner_id),
    purpose    varchar(16) not null check (purpose in ('INVITATION', 'SIGN_IN')),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index portal_sign_in_link_expiry on portal_sign_in_link (expires_at);

-- A session a link started; its id is the token's sid. Ended by signing out or by revoking the partner's access.
create table portal_session (
    sid        uuid primary key,
    tenant_id  varchar(64) not null,
    partner_id uuid        not null references portal_access (partner_id),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    ended_at   timestamptz
);
create index portal_session_partner on portal_session (partner_id) where ended_at is null;

-- Requests for a sign-in link per key and window, across every replica (as referral-service's intake_address_window):
-- a key is 'email:' and the SHA-256 of the lower-cased address (no address stored), or 'address:' and the client
-- address key (an IPv4 address, an IPv6 /64). Unlogged: a crash forgets at most the current windows.
create unlogged table portal_sign_in_window (
    window_start timestamptz not null,
    request_key  varchar(80) not null,
    requests     int         not null,
    primary key (window_start, request_key)
);
