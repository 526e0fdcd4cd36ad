-- The practice's introduction kit for its referral partners (issue 28): a one-page overview, the ideal client, success
-- stories, conversation scripts and introduction email templates, and a booking link. One kit per practice; partners
-- read it in the portal. Texts may hold the placeholders {partnerFirstName} {partnerName} {practiceName} {intakeLink}
-- {bookingLink}, which whoever shows them replaces literally; nothing is ever evaluated.
create table introduction_kit (
    tenant_id     varchar(64) primary key,
    practice_name varchar(200),
    overview      text,
    ideal_client  text,
    booking_url   varchar(500),
    updated_at    timestamptz not null,
    version       bigint      not null default 0
);

-- The kit's items, each with an id that stays the same while the practice edits the kit (a partner's link to a script
-- keeps working). Item ids are unique across practices; tenant_id scopes every query.
create table introduction_kit_item (
    id         uuid primary key,
    tenant_id  varchar(64)  not null references introduction_kit (tenant_id),
    kind       varchar(16)  not null check (kind in ('SUCCESS_STORY', 'SCRIPT', 'INTRO_EMAIL')),
    position   int          not null,
    title      varchar(200) not null,
    subject    varchar(200),
    body       text         not null
);
create index introduction_kit_item_tenant on introduction_kit_item (tenant_id, kind, position);
