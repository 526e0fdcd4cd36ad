package io.referrals.metrics.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One rebuild of a practice's read models: its state, how many events it replayed, when it started and ended. */
@Entity
@Table(name = "metrics_rebuild")
public class Rebuild extends PanacheEntityBase {
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    @Id
    public UUID id;

    @Column(name = "tenant_id")
    public String tenantId;

    public String status;

    @Column(name = "started_at")
    public Instant startedAt;

    /** Last sign of life of the run; see RebuildRepository#start. */
    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "events_replayed")
    public long eventsReplayed;

    public String error;
}
