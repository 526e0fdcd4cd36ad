-- The partner portal shows a fee with its agreement's terms and what the clients a partner refers are told about it
-- (issue 28): keep partner.agreement-activated's feeDisclosedToClients on referral-service's copy of the terms. Terms
-- copied before this column leave it null (not known here): the portal then says nothing about disclosure rather than
-- guess.
alter table agreement_terms add column fee_disclosed_to_clients boolean;
