package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A practice's outbound endpoint: a webhook (any number of events, managed by the practice) or a Zapier REST hook
 * (one event, subscribed and unsubscribed by the integration itself). Its signing secrets are stored encrypted.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public SubscriptionKind kind;

    @Column(nullable = false)
    public String url;

    /** Catalogue names, comma-separated. */
    @Column(nullable = false)
    public String events;

    public String description;

    @Column(nullable = false)
    public boolean enabled;

    /** The current signing secret, encrypted. */
    @Column(nullable = false)
    public String secret;

    /** The secret before the last rotation, encrypted; signs alongside the new one until it expires. */
    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;

    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<String> eventList() {
        return events.isEmpty() ? List.of() : Arrays.asList(events.split(","));
    }

    public boolean wants(String eventName) {
        return eventList().contains(eventName);
    }
}
