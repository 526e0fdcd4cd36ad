-- Online rebuilds (RebuildService): at most one running per practice. A run touches heartbeat_at as it goes; one
-- silent for long (its replica stopped) no longer blocks a new start (RebuildRepository.start).
alter table metrics_rebuild rename column events_applied to events_replayed;
alter table metrics_rebuild add column heartbeat_at timestamptz;
update metrics_rebuild set heartbeat_at = started_at;
alter table metrics_rebuild alter column heartbeat_at set not null;
create unique index metrics_rebuild_one_running on metrics_rebuild (tenant_id) where status = 'running';
