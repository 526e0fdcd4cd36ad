package io.referrals.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The asks campaigns assigned; written once, never changed. */
@ApplicationScoped
public class CampaignAssignmentRepository implements PanacheRepositoryBase<CampaignAssignment, UUID> {
    /** Rows per insert statement: a 2,000-partner start is two statements instead of 2,000 round trips. */
    static final int ROWS_PER_INSERT = 1000;

    @Inject
    Sql sql;

    /** Stores the assignments, many rows per statement (arrays unnested by PostgreSQL). */
    public void insertAll(List<CampaignAssignment> assignments) {
        for (int from = 0; from < assignments.size(); from += ROWS_PER_INSERT) {
            List<CampaignAssignment> chunk =
                    assignments.subList(from, Math.min(assignments.size(), from + ROWS_PER_INSERT));
            int n = chunk.size();
            Object[] ids = new Object[n];
            Object[] tenants = new Object[n];
            Object[] campaigns = new Object[n];
            Object[] partners = new Object[n];
            Object[] variants = new Object[n];
            Object[] assignedAt = new Object[n];
            Object[] triggers = new Object[n];
            for (int i = 0; i < n; i++) {
                CampaignAssignment a = chunk.get(i);
                ids[i] = a.id;
                tenants[i] = a.tenantId;
                campaigns[i] = a.campaignId;
                partners[i] = a.partnerId;
                variants[i] = a.variant;
                assignedAt[i] = OffsetDateTime.ofInstant(a.assignedAt, java.time.ZoneOffset.UTC);
                triggers[i] = a.triggerReferralId;
            }
            sql.update(
                    """
                    insert into campaign_assignment
                        (id, tenant_id, campaign_id, partner_id, variant, assigned_at, trigger_referral_id)
                    select * from unnest(?, ?, ?, ?, ?, ?, ?)""",
                    Sql.array("uuid", ids),
                    Sql.array("varchar", tenants),
                    Sql.array("uuid", campaigns),
                    Sql.array("uuid", partners),
                    Sql.array("varchar", variants),
                    Sql.array("timestamptz", assignedAt),
                    Sql.array("uuid", triggers));
        }
    }

    public boolean existsForTrigger(UUID campaignId, UUID triggerReferralId) {
        return count("campaignId = ?1 and triggerReferralId = ?2", campaignId, triggerReferralId) > 0;
    }

    /** How many asks each campaign assigned; a campaign that assigned none is absent. */
    public Map<UUID, Long> countsFor(Collection<UUID> campaignIds) {
        Map<UUID, Long> counts = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return counts;
        }
        sql.query(
                        "select campaign_id, count(*) from campaign_assignment where campaign_id = any(?)"
                                + " group by campaign_id",
                        row -> Map.entry(row.getObject(1, UUID.class), row.getLong(2)),
                        Sql.array("uuid", campaignIds.toArray()))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** A partner a campaign assigned, with the variant and when (the latest ask, for a triggered campaign). */
    public record AssignedPartner(
            UUID partnerId,
            String name,
            String category,
            String stage,
            Integer fitScore,
            Instant lastReferralAt,
            String variant,
            Instant assignedAt) {}

    /** The partners the campaign assigned, each once, by name. */
    public Page<AssignedPartner> assignedPartners(String tenantId, UUID campaignId, Paging paging) {
        long total = sql.single(
                "select count(distinct partner_id) from campaign_assignment where tenant_id = ? and campaign_id = ?",
                row -> row.getLong(1),
                tenantId,
                campaignId);
        List<AssignedPartner> items = sql.query(
                """
                select p.id, p.name, p.category, p.stage, p.fit_score, p.last_referral_at, a.variant, a.assigned_at
                from (select distinct on (partner_id) partner_id, variant, assigned_at from campaign_assignment
                      where tenant_id = ? and campaign_id = ? order by partner_id, assigned_at desc) a
                join partner p on p.id = a.partner_id
                order by lower(p.name), p.id
                limit ? offset ?""",
                row -> new AssignedPartner(
                        row.getObject(1, UUID.class),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        (Integer) row.getObject(5),
                        instant(row.getObject(6, OffsetDateTime.class)),
                        row.getString(7),
                        instant(row.getObject(8, OffsetDateTime.class))),
                tenantId,
                campaignId,
                paging.size(),
                paging.offset());
        return new Page<>(items, paging.page(), paging.size(), total);
    }

    static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
