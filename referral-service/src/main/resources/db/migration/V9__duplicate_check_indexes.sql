-- The duplicate check looks up the newest referral of a practice with the same email, and apart the same phone digits,
-- received in the last 30 days: with the time in the index each lookup reads one index entry, however many referrals
-- the practice has received with that contact over the years.
create index referral_tenant_email_received on referral (tenant_id, lower(referred_email), received_at desc, id);
create index referral_tenant_phone_received
    on referral (tenant_id, regexp_replace(referred_phone, '[^0-9]', '', 'g'), received_at desc, id);
drop index referral_tenant_email;
drop index referral_tenant_phone;
