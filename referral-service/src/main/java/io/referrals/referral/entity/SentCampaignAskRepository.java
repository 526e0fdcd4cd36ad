package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Reached through {@link CampaignRepository}. */
@ApplicationScoped
public class SentCampaignAskRepository implements PanacheRepositoryBase<SentCampaignAsk, UUID> {}
