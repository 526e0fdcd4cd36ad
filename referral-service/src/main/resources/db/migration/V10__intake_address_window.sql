-- Public intake requests per client address and clock minute, counted across every replica (issue 26): the key is an
-- IPv4 address, or an IPv6 address's /64 prefix. One upsert per intake request, unknown tokens included, so the table
-- is unlogged: a count that matters for a minute needs no WAL, and the upsert's commit waits neither for a WAL flush nor,
-- with synchronous replication, for a standby. A crash or a failover empties it, forgetting at most the current minute.
-- The window comes first in the key, so that deleting old windows is a range of the primary key.
create unlogged table intake_address_window (
    window_start timestamptz not null,
    address_key  varchar(64) not null,
    requests     int         not null,
    primary key (window_start, address_key)
);
