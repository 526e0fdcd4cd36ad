package io.referrals.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.referrals.platform.page.Page;
import io.referrals.platform.persistence.Pages;
import io.referrals.platform.rest.PageRequest;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One contact with a partner; the latest sets when the next check-in is due. */
@Entity
@Table(name = "touchpoint")
public class Touchpoint extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "partner_id", nullable = false, updatable = false)
    public UUID partnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TouchpointKind kind;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    public String note;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** A partner's touchpoints, newest first. */
    public static Page<Touchpoint> page(String tenantId, UUID partnerId, PageRequest page) {
        return Pages.of(find("tenantId = ?1 and partnerId = ?2",
                Sort.descending("occurredAt", "createdAt").and("id"), tenantId, partnerId), page.paging());
    }

    public static Optional<Touchpoint> findInTenant(String tenantId, UUID partnerId, UUID id) {
        return find("tenantId = ?1 and partnerId = ?2 and id = ?3", tenantId, partnerId, id).firstResultOptional();
    }
}
