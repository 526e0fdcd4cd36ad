package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** referral-service's copy of a running campaign (from partner-service's events): its window and sending mode. */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(nullable = false)
    public String name;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    /** When the practice or the schedule ended it; null while it runs. */
    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "auto_send", nullable = false)
    public boolean autoSend;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    /**
     * Whether a referral received at {@code at} falls in the campaign's window: [startsAt, the earlier of endsAt and
     * endedAt).
     */
    public boolean holds(Instant at) {
        Instant end = endedAt != null && endedAt.isBefore(endsAt) ? endedAt : endsAt;
        return !at.isBefore(startsAt) && at.isBefore(end);
    }
}
