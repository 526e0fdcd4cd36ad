package io.referrals.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The practice's introduction kit for its referral partners: what partners read in the portal to introduce people to
 * the practice. Its success stories, scripts and email templates are {@link KitItem}s.
 */
@Entity
@Table(name = "introduction_kit")
public class IntroductionKit extends PanacheEntityBase {
    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    /** The name partners see, and what {practiceName} stands for. */
    @Column(name = "practice_name")
    public String practiceName;

    /** The one-page overview of the practice. */
    public String overview;

    @Column(name = "ideal_client")
    public String idealClient;

    /** Where a referred person books a first conversation: https only. */
    @Column(name = "booking_url")
    public String bookingUrl;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** The kit of a practice that has not written one yet: empty, never saved. */
    public static IntroductionKit empty(String tenantId) {
        IntroductionKit kit = new IntroductionKit();
        kit.tenantId = tenantId;
        return kit;
    }
}
