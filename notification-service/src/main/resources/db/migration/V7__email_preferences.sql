-- Which of the practice's emails a partner wants, chosen in the portal (GET/PUT /api/portal/email-preferences). Every
-- kind is wanted until the partner says otherwise; a message of a kind they do not want is suppressed, with the reason,
-- as for an unsubscribe. The portal's sign-in mail is not among them: it is always sent.
alter table partner_contact
    add column wants_thank_yous boolean not null default true,
    add column wants_referral_updates boolean not null default true,
    add column wants_check_ins boolean not null default true,
    add column wants_news boolean not null default true,
    add column email_preferences_changed_at timestamptz;
