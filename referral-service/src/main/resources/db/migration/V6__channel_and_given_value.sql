-- How each referral reached the practice (the API or an intake link); older referrals came through the API or a link
-- that was not recorded, and count as API.
alter table referral add column channel varchar(20) not null default 'API';

-- What the practice thinks a referral it gave is worth to the partner, when it says: the value side of reciprocity.
alter table given_referral add column estimated_value numeric(19, 4);
alter table given_referral add column estimated_currency char(3);
alter table given_referral add constraint given_referral_value_with_currency
    check ((estimated_value is null) = (estimated_currency is null));
