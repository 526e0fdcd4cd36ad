-- The daily digest goes to the practice itself: it names no partner.
alter table notification alter column partner_id drop not null;
