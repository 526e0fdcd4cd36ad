package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A practice's referral settings; a practice without a row uses the defaults. */
@Entity
@Table(name = "referral_settings")
public class ReferralSettings extends PanacheEntityBase {
    public static final int DEFAULT_FIRST_CONTACT_HOURS = 48;

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "first_contact_hours", nullable = false)
    public int firstContactHours;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
