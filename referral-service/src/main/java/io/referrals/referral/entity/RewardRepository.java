package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.referrals.events.Consent;
import io.referrals.events.RewardType;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Pages;
import io.referrals.platform.persistence.Sql;
import io.referrals.platform.persistence.Where;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Every query is scoped to one practice. */
@ApplicationScoped
public class RewardRepository implements PanacheRepositoryBase<Reward, UUID> {

    @Inject
    Sql sql;

    public Optional<Reward> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** Whether the referral already earned its fee under an agreement (it earns one at most). */
    public boolean hasFee(String tenantId, UUID referralId) {
        return count("tenantId = ?1 and referralId = ?2 and agreementId is not null", tenantId, referralId) > 0;
    }

    /** Whether the referral already earned its campaign's incentive (it earns one at most). */
    public boolean hasCampaignIncentive(String tenantId, UUID referralId) {
        return count("tenantId = ?1 and referralId = ?2 and campaignId is not null", tenantId, referralId) > 0;
    }

    /** Newest first. */
    public Page<Reward> list(String tenantId, RewardQuery query, Paging paging) {
        Where where = Where.tenant(tenantId)
                .and("partnerId = :partner", "partner", query.partnerId())
                .and("referralId = :referral", "referral", query.referralId())
                .and("status = :status", "status", query.status());
        return Pages.of(find(where.query(), Sort.descending("earnedAt").and("id"), where.parameters()), paging);
    }

    /**
     * The rewards the partner receives that the partner may see, newest first: for a referral the practice stands
     * behind and whose referred person allowed the outcome to be shared (a reward follows a conversion, so showing one
     * under a narrower consent would tell the partner the outcome).
     */
    public Page<Reward> listSharedWith(String tenantId, UUID partnerId, Paging paging) {
        return Pages.of(
                find(
                        SHARED_WITH_PARTNER + " order by r.earnedAt desc, r.id desc",
                        sharedParameters(tenantId, partnerId)),
                paging);
    }

    /** One of {@link #listSharedWith}'s rewards. */
    public Optional<Reward> findSharedWith(String tenantId, UUID partnerId, UUID id) {
        Map<String, Object> parameters = sharedParameters(tenantId, partnerId);
        parameters.put("id", id);
        return find(SHARED_WITH_PARTNER + " and r.id = :id", parameters).firstResultOptional();
    }

    /** What the partner's cash rewards that they may see add up to, per status and currency. */
    public List<Total> cashTotalsSharedWith(String tenantId, UUID partnerId) {
        return sql.query(
                """
                select r.status, r.currency, sum(r.amount) from reward r
                join referral f on f.id = r.referral_id and f.tenant_id = r.tenant_id and f.partner_id = r.partner_id
                where r.tenant_id = ? and r.partner_id = ? and r.beneficiary = ? and r.amount is not null
                  and r.type = any(?) and f.consent = ? and f.attribution = any(?)
                group by r.status, r.currency order by r.status, r.currency""",
                row -> new Total(Reward.Status.valueOf(row.getString(1)), row.getString(2), row.getBigDecimal(3)),
                tenantId,
                partnerId,
                Reward.Beneficiary.PARTNER.name(),
                Sql.array(
                        "varchar",
                        Arrays.stream(RewardType.values())
                                .filter(RewardType::paysPartner)
                                .map(Enum::name)
                                .toArray()),
                Consent.OUTCOME.name(),
                Sql.array(
                        "varchar",
                        new Object[] {Referral.Attribution.VERIFIED.name(), Referral.Attribution.CONFIRMED.name()}));
    }

    /** The sum of one currency's rewards in one status. */
    public record Total(Reward.Status status, String currency, BigDecimal amount) {}

    private static final String SHARED_WITH_PARTNER =
            "from Reward r where r.tenantId = :tenant and r.partnerId = :partner and r.beneficiary = :beneficiary "
                    + "and exists (select 1 from Referral f where f.id = r.referralId and f.tenantId = r.tenantId "
                    + "and f.partnerId = r.partnerId and f.consent = :consent and f.attribution in :attributions)";

    private static Map<String, Object> sharedParameters(String tenantId, UUID partnerId) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("tenant", tenantId);
        parameters.put("partner", partnerId);
        parameters.put("beneficiary", Reward.Beneficiary.PARTNER);
        parameters.put("consent", Consent.OUTCOME);
        parameters.put("attributions", List.of(Referral.Attribution.VERIFIED, Referral.Attribution.CONFIRMED));
        return parameters;
    }
}
