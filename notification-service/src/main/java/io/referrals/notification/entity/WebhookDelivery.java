package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.referrals.platform.tracing.TraceParent;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event for one subscription: written in the transaction that consumed the event, sent (and retried) by the
 * dispatcher. Its id is the {@code webhook-id} every attempt carries.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "subscription_id", nullable = false, updatable = false)
    public UUID subscriptionId;

    @Column(name = "event_id", nullable = false, updatable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String eventType;

    @Column(name = "referral_id")
    public UUID referralId;

    /** The CloudEvent sent (structured JSON). */
    @Column(nullable = false)
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    /** Attempts since it was (re)queued. */
    @Column(nullable = false)
    public int attempts;

    /** When it was recorded, or redelivered: the retry window starts here. */
    @Column(name = "queued_at", nullable = false)
    public Instant queuedAt;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The Standard Webhooks message id: stable across retries and redeliveries. */
    public String webhookId() {
        return "msg_" + id.toString().replace("-", "");
    }

    /** The trace context it was queued in: the dispatcher posts it as that span's child. */
    @Embedded
    public QueuedIn trace;

    /** Where it was queued from: the event's processing or the request that asked for it, whichever is current. */
    @PrePersist
    public void keepTraceContext() {
        if (trace == null) {
            trace = QueuedIn.current();
        }
    }

    public TraceParent queuedIn() {
        return QueuedIn.parent(trace);
    }
}
