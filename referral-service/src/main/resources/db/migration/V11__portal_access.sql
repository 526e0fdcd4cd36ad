-- The partner portal (issue 28): referral-service answers a partner's own portal requests, so its copy of each partner
-- keeps whether the practice has taken the partner's portal access away (partner.portal-access-changed). A session
-- issued before the latest revocation stays refused after access is granted again: a revoked session never returns.
alter table known_partner
    add column portal_access_revoked boolean not null default false,
    add column portal_sessions_valid_from timestamptz,
    add column portal_access_changed_at timestamptz;
