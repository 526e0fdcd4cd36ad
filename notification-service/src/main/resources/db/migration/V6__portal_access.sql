-- The partner portal (issue 28): notification-service answers a partner's own portal requests (their messages, their
-- email preferences), so its copy of each partner keeps whether the practice has taken the partner's portal access away
-- (partner.portal-access-changed). A session issued before the latest revocation stays refused after access is granted
-- again: a revoked session never returns.
alter table partner_contact
    add column portal_access_revoked boolean not null default false,
    add column portal_sessions_valid_from timestamptz,
    add column portal_access_changed_at timestamptz;
