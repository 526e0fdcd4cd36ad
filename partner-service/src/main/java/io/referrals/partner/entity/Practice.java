package io.referrals.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The practice's own profile: what it offers, whom it wants referred, how often it checks in with partners. */
@Entity
@Table(name = "practice")
public class Practice extends PanacheEntityBase {
    public static final int DEFAULT_CHECK_IN_CADENCE_DAYS = 30;

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> services = new ArrayList<>();

    @Column(name = "ideal_demographics")
    public String idealDemographics;

    @Column(name = "ideal_psychographics")
    public String idealPsychographics;

    @Column(name = "ideal_situation")
    public String idealSituation;

    @Column(name = "ideal_readiness")
    public String idealReadiness;

    /** The niches of the ideal referral; partners serving them fit. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> niches = new ArrayList<>();

    @Column(name = "default_check_in_cadence_days", nullable = false)
    public int defaultCheckInCadenceDays = DEFAULT_CHECK_IN_CADENCE_DAYS;

    /** IANA time zone id, e.g. {@code Europe/Berlin}: where the practice's days and months begin. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone = "UTC";

    @Column(name = "monthly_referral_goal")
    public Integer monthlyReferralGoal;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The profile of a practice that has not described itself yet. */
    public static Practice defaults(String tenantId) {
        Practice practice = new Practice();
        practice.tenantId = tenantId;
        return practice;
    }
}
