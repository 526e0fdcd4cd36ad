-- The partner portal's second slice (issue 28).

-- What a partner says they specialise in, in their own words (the portal's profile). With the clients they serve
-- (niches) it is what the fit score compares with the practice's ideal referral.
alter table partner add column specialties text[] not null default '{}';
-- When the partner last changed their own details in the portal: the practice sees who changed them.
alter table partner add column profile_updated_by_partner_at timestamptz;

-- The practice's "view as this partner" sessions: read-only, short, and possible for a partner who was never invited,
-- so a session belongs to the partner rather than to their portal access. opened_by is the practice user who opened
-- it (the staff token's subject).
alter table portal_session drop constraint portal_session_partner_id_fkey;
alter table portal_session add constraint portal_session_partner_fk foreign key (partner_id) references partner (id);
alter table portal_session add column read_only boolean not null default false;
alter table portal_session add column opened_by varchar(255);
