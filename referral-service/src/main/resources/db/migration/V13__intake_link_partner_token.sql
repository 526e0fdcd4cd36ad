-- The partner portal shows a partner their own intake link again whenever they ask (issue 28), so the token of a link
-- bound to a partner (unsigned: one a person can use) is kept encrypted like the signing secrets (AES-256-GCM under
-- INTAKE_SECRET_KEY, the link's id and "/token" as associated data), beside its hash, from its creation or rotation on.
-- Links made before, signed links and links bound to no partner keep the hash alone: their token is never shown again.
alter table intake_link add column partner_token varchar(400);
