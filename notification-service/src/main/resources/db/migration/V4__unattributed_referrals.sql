-- A referral whose referrer was matched by email on a public intake link is nobody's until the practice confirms the
-- match (ReferralReceived with attribution unverified and no partner; ReferralAttributed names the partner then).
alter table referral_state alter column partner_id drop not null;
