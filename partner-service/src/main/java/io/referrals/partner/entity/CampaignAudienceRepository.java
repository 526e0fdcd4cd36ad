package io.referrals.partner.entity;

import io.referrals.events.PartnerStage;
import io.referrals.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Who a campaign's audience is, now: the practice's partners its filters (or list) select, less those never asked
 * (archived, candidates, ended relationships, no email). Each partner already assigned an ask in another campaign that
 * is scheduled or running with an overlapping window comes back marked with that campaign: the overlap rule excludes
 * them, so that a referral is attributable to one ask and nobody gets two asks at once.
 */
@ApplicationScoped
public class CampaignAudienceRepository {
    /** No campaign: the id no campaign has, for a preview of an audience not saved yet. */
    private static final UUID NO_CAMPAIGN = new UUID(0, 0);

    /** Far enough to stand for "open-ended" in the overlap test. */
    private static final Instant OPEN_END = Instant.parse("9999-01-01T00:00:00Z");

    @Inject
    Sql sql;

    /**
     * A partner of the audience; {@code inCampaignId} and {@code inCampaignName} name the other campaign that
     * excludes them (null: not excluded).
     */
    public record Member(
            UUID partnerId,
            String name,
            String category,
            String stage,
            Integer fitScore,
            Instant lastReferralAt,
            UUID inCampaignId,
            String inCampaignName) {
        public boolean excluded() {
            return inCampaignId != null;
        }
    }

    /**
     * The audience for a campaign ({@code campaignId}, null for an unsaved one) with the window [{@code startsAt},
     * {@code endsAt}) ({@code endsAt} null: open-ended), by name; {@code onlyPartner} non-null narrows it to that one
     * partner (is this partner in the audience?).
     */
    public List<Member> members(
            String tenantId,
            CampaignAudience audience,
            UUID campaignId,
            Instant startsAt,
            Instant endsAt,
            UUID onlyPartner) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder query = new StringBuilder("""
                select p.id, p.name, p.category, p.stage, p.fit_score, p.last_referral_at, other.id, other.name
                from partner p
                left join lateral (
                    select c.id, c.name from campaign_assignment a join campaign c on c.id = a.campaign_id
                    where a.tenant_id = p.tenant_id and a.partner_id = p.id and c.id <> ?
                      and c.status in ('SCHEDULED', 'RUNNING') and c.starts_at < ? and c.ends_at > ?
                    order by c.starts_at, c.id
                    limit 1) other on true
                where p.tenant_id = ? and p.archived_at is null and not p.candidate and p.stage <> ?
                  and p.email is not null""");
        parameters.add(campaignId == null ? NO_CAMPAIGN : campaignId);
        parameters.add(endsAt == null ? OPEN_END : endsAt);
        parameters.add(startsAt);
        parameters.add(tenantId);
        parameters.add(PartnerStage.ENDED.name());
        if (audience.partnerIds() != null) {
            query.append(" and p.id = any(?)");
            parameters.add(Sql.array("uuid", audience.partnerIds().toArray()));
        }
        if (!audience.categories().isEmpty()) {
            query.append(" and p.category = any(?)");
            parameters.add(Sql.array("varchar", audience.categories().toArray()));
        }
        if (!audience.allianceTypes().isEmpty()) {
            query.append(" and p.alliance_types && ?");
            parameters.add(Sql.array("text", audience.allianceTypes().toArray()));
        }
        if (!audience.stages().isEmpty()) {
            query.append(" and p.stage = any(?)");
            parameters.add(Sql.array("varchar", audience.stages().toArray()));
        }
        if (audience.lastReferralBefore() != null) {
            // "Quiet since": no referral since then, never referring included.
            query.append(" and (p.last_referral_at is null or p.last_referral_at < ?)");
            parameters.add(audience.lastReferralBefore());
        }
        if (audience.lastReferralAfter() != null) {
            query.append(" and p.last_referral_at >= ?");
            parameters.add(audience.lastReferralAfter());
        }
        if (audience.fitAtLeast() != null) {
            query.append(" and p.fit_score >= ?");
            parameters.add(audience.fitAtLeast());
        }
        if (audience.neverReferred() != null) {
            query.append(
                    audience.neverReferred()
                            ? " and p.last_referral_at is null"
                            : " and p.last_referral_at is not null");
        }
        if (onlyPartner != null) {
            query.append(" and p.id = ?");
            parameters.add(onlyPartner);
        }
        query.append(" order by lower(p.name), p.id");
        return sql.query(
                query.toString(),
                row -> new Member(
                        row.getObject(1, UUID.class),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        (Integer) row.getObject(5),
                        CampaignAssignmentRepository.instant(row.getObject(6, OffsetDateTime.class)),
                        row.getObject(7, UUID.class),
                        row.getString(8)),
                parameters.toArray());
    }
}
