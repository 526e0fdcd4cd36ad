package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Campaigns, their variants and the asks sent, each look-up within one practice. */
@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, UUID> {
    @Inject
    CampaignVariantRepository variants;

    @Inject
    SentCampaignAskRepository sentAsks;

    public Optional<Campaign> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public Optional<CampaignVariant> variant(UUID campaignId, String variant) {
        return variants.find("campaignId = ?1 and variant = ?2", campaignId, variant)
                .firstResultOptional();
    }

    public void persistVariant(CampaignVariant variant) {
        variants.persist(variant);
    }

    public Optional<SentCampaignAsk> sentAsk(UUID askId) {
        return sentAsks.findByIdOptional(askId);
    }

    public void persistSentAsk(SentCampaignAsk ask) {
        sentAsks.persist(ask);
    }

    /** The partner's asks sent at or before {@code at}, the newest first. */
    public List<SentCampaignAsk> asksSentTo(String tenantId, UUID partnerId, Instant at) {
        return sentAsks.find(
                        "tenantId = ?1 and partnerId = ?2 and sentAt <= ?3",
                        Sort.descending("sentAt").and("askId"),
                        tenantId,
                        partnerId,
                        at)
                .list();
    }
}
