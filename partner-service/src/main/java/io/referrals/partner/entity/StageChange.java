package io.referrals.partner.entity;

import io.referrals.events.PartnerStage;
import io.referrals.platform.history.HistoryEntry;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** One dated step of a relationship's history. */
@Entity
@Table(name = "partner_stage_change")
@AttributeOverride(name = "subjectId", column = @Column(name = "partner_id", nullable = false, updatable = false))
public class StageChange extends HistoryEntry {
    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage")
    public PartnerStage fromStage;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage", nullable = false)
    public PartnerStage toStage;

    public String reason;

    @Column(name = "changed_by")
    public String changedBy;

    /** The partner's move from {@code from} ({@code null} at creation) to its current stage, dated as the partner. */
    public static StageChange of(Partner partner, PartnerStage from, String note, String reason, String userId) {
        StageChange change = new StageChange();
        change.fill(partner.tenantId, partner.id, note, partner.updatedAt);
        change.fromStage = from;
        change.toStage = partner.stage;
        change.reason = reason;
        change.changedBy = userId;
        return change;
    }
}
