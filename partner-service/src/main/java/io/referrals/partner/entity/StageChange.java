package io.referrals.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.referrals.events.PartnerStage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One dated step of a relationship's history. */
@Entity
@Table(name = "partner_stage_change")
public class StageChange extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage")
    public PartnerStage fromStage;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage", nullable = false)
    public PartnerStage toStage;

    public String note;

    public String reason;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public static List<StageChange> history(String tenantId, UUID partnerId) {
        return list("tenantId = ?1 and partnerId = ?2 order by changedAt, id", tenantId, partnerId);
    }
}
