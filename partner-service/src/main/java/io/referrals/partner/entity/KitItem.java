package io.referrals.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A success story, conversation script or introduction email template of a practice's introduction kit. */
@Entity
@Table(name = "introduction_kit_item")
public class KitItem extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public KitItemKind kind;

    /** Its place among the kit's items of its kind, from 0. */
    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String title;

    /** An introduction email's subject line; none for the other kinds. */
    public String subject;

    @Column(nullable = false)
    public String body;

    public static KitItem create(String tenantId, KitItemKind kind) {
        KitItem item = new KitItem();
        item.id = UUID.randomUUID();
        item.tenantId = tenantId;
        item.kind = kind;
        return item;
    }
}
