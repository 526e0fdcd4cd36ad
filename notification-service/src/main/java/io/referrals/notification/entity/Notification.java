package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.referrals.platform.rest.Page;
import io.referrals.platform.rest.PageRequest;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message the practice owes someone, e.g. a thank-you to a referrer. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationStatus status;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(name = "recipient_name", nullable = false)
    public String recipientName;

    @Column(name = "recipient_email")
    public String recipientEmail;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Page<Notification> list(String tenantId, UUID partnerId, PageRequest page) {
        String where = partnerId == null ? "tenantId = :tenant" : "tenantId = :tenant and partnerId = :partner";
        Parameters params = Parameters.with("tenant", tenantId);
        if (partnerId != null) {
            params = params.and("partner", partnerId);
        }
        return Page.of(find(where, Sort.descending("createdAt").and("id"), params), page);
    }

    public static boolean exists(String tenantId, NotificationKind kind, UUID referralId) {
        return count("tenantId = ?1 and kind = ?2 and referralId = ?3", tenantId, kind, referralId) > 0;
    }
}
