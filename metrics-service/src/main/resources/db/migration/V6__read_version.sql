-- A counter per practice, raised in every transaction that changes its read models (events applied, new-client
-- counts, dormancy marks, a rebuild's swap): readers keep answers they computed until it moves.
create table metrics_read_version (
    tenant_id text primary key,
    version   bigint not null
);
