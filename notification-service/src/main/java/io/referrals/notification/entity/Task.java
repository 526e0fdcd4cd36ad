package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Something the practice should do, with a due date; opened and closed by events exactly once. */
@Entity
@Table(name = "task")
public class Task extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskStatus status;

    /** What makes the task unique within its kind: a referral, a notification, a partner's due date. */
    @Column(name = "dedupe_key", nullable = false, updatable = false)
    public String dedupeKey;

    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "notification_id")
    public UUID notificationId;

    @Column(nullable = false)
    public String title;

    /** When it is due; a snooze moves it. */
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "snoozed_until")
    public Instant snoozedUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_reason")
    public String closedReason;

    public boolean isOpen() {
        return status == TaskStatus.OPEN;
    }

    public boolean overdue(Instant now) {
        return isOpen() && dueAt.isBefore(now);
    }

    public void close(TaskStatus outcome, String reason, Instant now) {
        status = outcome;
        closedReason = reason;
        closedAt = now;
    }
}
