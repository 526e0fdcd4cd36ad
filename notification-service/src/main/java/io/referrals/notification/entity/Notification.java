package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.referrals.events.Consent;
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

/** A message the practice owes someone, e.g. a thank-you to a referrer, and how far its delivery got. */
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

    /** Null for messages not about one referral. */
    @Column(name = "referral_id")
    public UUID referralId;

    @Column(nullable = false)
    public String subject;

    /** The text part. */
    @Column(nullable = false)
    public String body;

    /** The HTML part, with every value escaped. */
    @Column(name = "html_body")
    public String htmlBody;

    /** Set when the message is created, so a retry after an unknown outcome carries the same id. */
    @Column(name = "message_id", nullable = false)
    public String messageId;

    /** The consent the message was rendered under; a narrower one re-renders it before sending. */
    @Enumerated(EnumType.STRING)
    @Column(name = "rendered_consent")
    public Consent renderedConsent;

    /** Whether the practice changed the subject or body. */
    @Column(nullable = false)
    public boolean edited;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "queued_at")
    public Instant queuedAt;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "last_error")
    public String lastError;

    /** A campaign ask's campaign, the variant the partner was assigned, and the ask (CampaignLinkIssued); else null. */
    @Column(name = "campaign_id")
    public UUID campaignId;

    public String variant;

    @Column(name = "ask_id")
    public UUID askId;

    /** When the ask's campaign ends: an ask not sent by then is withdrawn. */
    @Column(name = "campaign_ends_at")
    public Instant campaignEndsAt;

    /** Not sent before this time (a paced campaign ask); null for every other message. */
    @Column(name = "send_after")
    public Instant sendAfter;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Hands the message to the sender, which tries it at once. */
    public void queue(Instant now) {
        status = NotificationStatus.QUEUED;
        queuedAt = now;
        nextAttemptAt = now;
        updatedAt = now;
    }

    /** Hands the message to the sender, which tries it once {@code notBefore} has come. */
    public void queue(Instant now, Instant notBefore) {
        queue(now);
        sendAfter = notBefore;
        nextAttemptAt = notBefore;
    }

    public void end(NotificationStatus outcome, String reason, Instant now) {
        status = outcome;
        nextAttemptAt = null;
        if (reason != null) {
            lastError = reason.length() > 500 ? reason.substring(0, 500) : reason;
        }
        updatedAt = now;
    }

    /** The trace context it was queued in: the sender sends it as that span's child. */
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
