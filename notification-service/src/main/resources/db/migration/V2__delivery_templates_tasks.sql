-- Messages are delivered by SMTP now: drafted -> queued -> sent | failed (or dismissed, withdrawn when the consent
-- no longer allows them, suppressed when the partner unsubscribed or has no address). Messages not about a referral
-- (outreach, introductions, the digest) have no referral.
alter table notification alter column referral_id drop not null;
alter table notification alter column kind type varchar(40);
alter table notification add column html_body       text;
alter table notification add column message_id      varchar(300);
alter table notification add column rendered_consent varchar(20);
alter table notification add column edited          boolean      not null default false;
alter table notification add column attempts        int          not null default 0;
alter table notification add column queued_at       timestamptz;
alter table notification add column next_attempt_at timestamptz;
alter table notification add column sent_at         timestamptz;
alter table notification add column last_error      varchar(500);
alter table notification add column updated_at      timestamptz;
update notification set status = 'DRAFTED' where status = 'PENDING';
update notification set updated_at = created_at, message_id = '<' || id || '@notifications.invalid>';
alter table notification alter column updated_at set not null;
alter table notification alter column message_id set not null;
create index notification_due on notification (next_attempt_at) where status = 'QUEUED';
create index notification_referral on notification (tenant_id, referral_id);

-- What notification-service knows of each referral from referral.events: the latest consent decides what the
-- referrer may be told. Only the referred person's first name is kept, never their contact details.
create table referral_state (
    tenant_id           varchar(64)  not null,
    referral_id         uuid         not null,
    partner_id          uuid         not null,
    referrer_name       varchar(200) not null,
    referrer_email      varchar(320),
    referred_first_name varchar(200) not null,
    consent             varchar(20)  not null,
    status              varchar(30)  not null,
    received_at         timestamptz  not null,
    converted_at        timestamptz,
    updated_at          timestamptz  not null,
    primary key (tenant_id, referral_id)
);

-- Partners as partner.events describe them, for addresses and check-in cadence; and who unsubscribed.
create table partner_contact (
    tenant_id          varchar(64)  not null,
    partner_id         uuid         not null,
    name               varchar(200),
    email              varchar(320),
    cadence_days       int,
    created_at         timestamptz,
    last_touchpoint_at timestamptz,
    archived           boolean      not null default false,
    ended              boolean      not null default false,
    unsubscribed_at    timestamptz,
    updated_at         timestamptz  not null,
    primary key (tenant_id, partner_id)
);

-- The practice's notification settings; the cadence and time zone come from PracticeProfileUpdated.
create table practice_settings (
    tenant_id            varchar(64)   primary key,
    practice_name        varchar(200),
    reply_to             varchar(320),
    signature            varchar(2000),
    program              varchar(200),
    auto_send            text[]        not null default '{}',
    digest_enabled       boolean       not null default false,
    digest_email         varchar(320),
    default_cadence_days int,
    time_zone            varchar(64)   not null default 'UTC',
    last_digest_on       date,
    updated_at           timestamptz   not null
);

-- A practice's own version of a message template (Qute); without one the shipped default applies.
create table message_template (
    tenant_id  varchar(64)  not null,
    kind       varchar(40)  not null,
    subject    varchar(300) not null,
    body       text         not null,
    updated_at timestamptz  not null,
    primary key (tenant_id, kind)
);

-- In-app tasks, each created and closed by events exactly once: (tenant, kind, dedupe_key) is unique.
create table task (
    id              uuid          primary key,
    tenant_id       varchar(64)   not null,
    kind            varchar(30)   not null,
    status          varchar(20)   not null,
    dedupe_key      varchar(200)  not null,
    partner_id      uuid,
    referral_id     uuid,
    notification_id uuid,
    title           varchar(300)  not null,
    due_at          timestamptz   not null,
    snoozed_until   timestamptz,
    created_at      timestamptz   not null,
    closed_at       timestamptz,
    closed_reason   varchar(200)
);
create unique index task_once on task (tenant_id, kind, dedupe_key);
create index task_list on task (tenant_id, status, due_at, id);
