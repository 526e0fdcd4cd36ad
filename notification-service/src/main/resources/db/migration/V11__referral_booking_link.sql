-- Issue 30: the practice's booking page with the referral's code attached (ReferralReceived.bookingLink), for the
-- {bookingLink} placeholder of the messages about the referral. Null without a booking integration (and for referrals
-- received before it). No personal data: the referrer may pass it on to the person they referred.
alter table referral_state add column booking_link varchar(2048);
