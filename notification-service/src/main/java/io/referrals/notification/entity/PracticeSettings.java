package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * How a practice's messages go out: its name, reply-to address and signature, which kinds are sent automatically
 * (the others are drafted for review), and the opt-in daily digest. The default cadence and time zone follow the
 * practice profile (PracticeProfileUpdated).
 */
@Entity
@Table(name = "practice_settings")
public class PracticeSettings extends PanacheEntityBase {
    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "practice_name")
    public String practiceName;

    /** The practice's own address: replies to its messages go there. */
    @Column(name = "reply_to")
    public String replyTo;

    public String signature;

    /** How the practice calls what a client joins, e.g. "coaching program". */
    public String program;

    /** Wire names of the kinds sent without review. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "auto_send", columnDefinition = "text[]")
    public List<String> autoSend = new ArrayList<>();

    @Column(name = "digest_enabled", nullable = false)
    public boolean digestEnabled;

    @Column(name = "digest_email")
    public String digestEmail;

    @Column(name = "default_cadence_days")
    public Integer defaultCadenceDays;

    @Column(name = "time_zone", nullable = false)
    public String timeZone = "UTC";

    @Column(name = "last_digest_on")
    public LocalDate lastDigestOn;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static PracticeSettings defaults(String tenantId, Instant now) {
        PracticeSettings settings = new PracticeSettings();
        settings.tenantId = tenantId;
        settings.updatedAt = now;
        return settings;
    }

    public boolean autoSends(NotificationKind kind) {
        return autoSend.contains(kind.json());
    }
}
