package io.referrals.metrics.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;

/** What the numbers need of a practice's profile: its time zone, monthly goal and default check-in cadence. */
@Entity
@Table(name = "metrics_practice")
public class Practice extends PanacheEntityBase {
    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    /** IANA zone that local days, weeks and months are counted in; UTC until the practice sets one. */
    @Column(name = "time_zone")
    public String timeZone = "UTC";

    @Column(name = "monthly_goal")
    public Integer monthlyGoal;

    @Column(name = "default_cadence_days")
    public Integer defaultCadenceDays;

    @Column(name = "profile_at")
    public Instant profileAt;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
