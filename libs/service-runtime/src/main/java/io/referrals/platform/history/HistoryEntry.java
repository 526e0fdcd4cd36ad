package io.referrals.platform.history;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/**
 * One dated step in the history of something a practice owns (a partner's stage, a referral's status, a referred
 * person's consent). Subclasses name their table, map {@code subjectId} to their subject's column with
 * {@code @AttributeOverride}, and add what changed; {@link HistoryRepository} stores and lists them. History is
 * append-only: an entry is never changed once written.
 */
@MappedSuperclass
public abstract class HistoryEntry extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    /** The partner, referral or other record this step belongs to. */
    @Column(name = "subject_id", nullable = false, updatable = false)
    public UUID subjectId;

    @Column(updatable = false)
    public String note;

    @Column(name = "changed_at", nullable = false, updatable = false)
    public Instant changedAt;

    /** Fills the columns every history entry has; a subclass's factory then sets what changed. */
    protected void fill(String tenantId, UUID subjectId, String note, Instant changedAt) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.subjectId = subjectId;
        this.note = note;
        this.changedAt = changedAt;
    }
}
