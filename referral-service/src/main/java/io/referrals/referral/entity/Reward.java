package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.referrals.events.RewardType;
import io.referrals.events.WireEnum;
import io.referrals.platform.page.Page;
import io.referrals.platform.persistence.Pages;
import io.referrals.platform.rest.PageRequest;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A reward a converted referral earned: owed, then paid (or given) or waived. */
@Entity
@Table(name = "reward")
public class Reward extends PanacheEntityBase {
    public enum Status implements WireEnum { OWED, PAID, WAIVED }

    /** Who receives it: the referring partner (a fee, or a referring client's reward) or the referred client. */
    public enum Beneficiary implements WireEnum { PARTNER, REFERRED_CLIENT }

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RewardType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Beneficiary beneficiary;

    /** The agreement a fee was computed under; null for rewards recorded by hand. */
    @Column(name = "agreement_id")
    public UUID agreementId;

    public BigDecimal percent;

    public BigDecimal amount;

    public String currency;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "earned_at", nullable = false)
    public Instant earnedAt;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "payment_reference")
    public String paymentReference;

    @Column(name = "waived_at")
    public Instant waivedAt;

    @Column(name = "waiver_reason")
    public String waiverReason;

    @Version
    public long version;

    public static Optional<Reward> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public static Page<Reward> list(String tenantId, UUID partnerId, UUID referralId, Status status, PageRequest page) {
        List<String> where = new ArrayList<>(List.of("tenantId = :tenant"));
        Parameters params = Parameters.with("tenant", tenantId);
        if (partnerId != null) {
            where.add("partnerId = :partner");
            params.and("partner", partnerId);
        }
        if (referralId != null) {
            where.add("referralId = :referral");
            params.and("referral", referralId);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        return Pages.of(find(String.join(" and ", where), Sort.descending("earnedAt").and("id"), params), page.paging());
    }
}
