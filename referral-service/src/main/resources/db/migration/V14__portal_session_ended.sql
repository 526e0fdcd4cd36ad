-- Portal sessions signed out before their time (partner.portal-session-ended, issue 28): a session token proves only
-- that partner-service started a session, so every portal request here is refused for a session listed here. A row is
-- needed only until the token expires (expires_at); older rows are deleted whenever one is recorded.
create table portal_session_ended (
    tenant_id  varchar(64) not null,
    session_id uuid        primary key,
    expires_at timestamptz not null
);

create index portal_session_ended_expires_at on portal_session_ended (expires_at);
