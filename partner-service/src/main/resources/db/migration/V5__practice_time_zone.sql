-- The IANA time zone the practice counts its days, weeks and months in (metrics, goals). UTC until it says.
alter table practice add column time_zone varchar(64) not null default 'UTC';
