-- Booking integrations (issue 30): Cal.com and Calendly post the consultations booked in the practice's scheduling
-- tool to a secret receiving URL; the bookings are matched to referrals and move them to consultation_booked.

-- One connected scheduling tool per practice (removed ones stay, with removed_at, for their bookings). The receiving
-- URL's token is kept as a SHA-256 hash only (token_hint: its first characters, to recognise it in a list); the signing
-- secret is encrypted with the intake secret key (IntakeSecretCipher), as it must be read to verify signatures.
create table booking_integration (
    id               uuid          primary key,
    tenant_id        varchar(64)   not null,
    provider         varchar(16)   not null,
    booking_page_url varchar(500)  not null,
    token_hash       varchar(64)   not null,
    token_hint       varchar(16)   not null,
    signing_secret   varchar(400)  not null,
    connected_at     timestamptz   not null,
    rotated_at       timestamptz,
    removed_at       timestamptz,
    last_delivery_at timestamptz,
    deliveries       bigint        not null default 0,
    refused          bigint        not null default 0,
    version          bigint        not null default 0,
    constraint booking_integration_token_hash unique (token_hash),
    constraint booking_integration_provider check (provider in ('CALCOM', 'CALENDLY'))
);
create unique index booking_integration_one_active on booking_integration (tenant_id) where removed_at is null;

-- A consultation booked in the scheduling tool, as the tool told it. provider_booking_id is the tool's own id of the
-- booking as it stands (Cal.com's uid, Calendly's invitee URI); a reschedule moves it to the new one. The attendee's
-- name and email are personal data: erased with the person (PeopleService).
create table booking (
    id                  uuid          primary key,
    tenant_id           varchar(64)   not null,
    integration_id      uuid          not null references booking_integration (id),
    provider            varchar(16)   not null,
    provider_booking_id varchar(500)  not null,
    state               varchar(16)   not null,
    status              varchar(16)   not null,
    starts_at           timestamptz   not null,
    ends_at             timestamptz,
    attendee_name       varchar(300),
    attendee_email      varchar(320),
    referral_id         uuid          references referral (id),
    matched_by          varchar(16),
    received_at         timestamptz   not null,
    updated_at          timestamptz   not null,
    version             bigint        not null default 0,
    constraint booking_provider_booking unique (tenant_id, provider, provider_booking_id),
    constraint booking_state check (state in ('UNMATCHED', 'MATCHED', 'DISMISSED')),
    constraint booking_status check (status in ('BOOKED', 'CANCELLED', 'NO_SHOW')),
    constraint booking_matched_has_referral check ((state = 'MATCHED') = (referral_id is not null))
);
create index booking_tenant_state on booking (tenant_id, state, received_at desc, id);
create index booking_referral on booking (referral_id, received_at desc);
create index booking_tenant_attendee_email on booking (tenant_id, lower(attendee_email));

-- Deliveries applied, by the provider's own ids (Cal.com: trigger and uid; Calendly: event and invitee URI): a
-- provider's retry of one is answered "duplicate" and changes nothing.
create table booking_delivery (
    integration_id uuid          not null references booking_integration (id),
    delivery_key   varchar(600)  not null,
    received_at    timestamptz   not null,
    primary key (integration_id, delivery_key)
);

-- Requests per integration and clock minute (the flood limit), counted across every replica like intake links'.
create unlogged table booking_rate_window (
    integration_id uuid        not null,
    window_start   timestamptz not null,
    requests       int         not null,
    primary key (integration_id, window_start)
);

-- The referral's booking code (10 characters of Crockford base32, random, unique in the practice): the booking link
-- carries it and the booking brings it back. Existing referrals get one here; a collision is drawn again.
alter table referral add column booking_code varchar(10);
alter table referral add column consultation_at timestamptz;
do $$
begin
    loop
        update referral r set booking_code = (
            select string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + floor(random() * 32)::int, 1), '')
            -- r.id ties the subquery to the row, so that it is drawn anew for each referral.
            from generate_series(1, 10 + 0 * length(r.id::text)))
        where r.booking_code is null
           or (r.tenant_id, r.booking_code) in (
                select tenant_id, booking_code from referral group by tenant_id, booking_code having count(*) > 1);
        exit when not exists (
            select 1 from referral group by tenant_id, booking_code having count(*) > 1 or bool_or(booking_code is null));
    end loop;
end
$$;
alter table referral alter column booking_code set not null;
create unique index referral_booking_code on referral (tenant_id, booking_code);
