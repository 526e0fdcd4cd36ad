package io.referrals.referral.service;

import io.referrals.events.CloudEvent;
import io.referrals.events.PartnerCategory;
import io.referrals.events.partner.PartnerCreated;
import io.referrals.events.partner.PartnerUpdated;
import io.referrals.referral.entity.KnownPartner;
import io.referrals.referral.entity.KnownPartnerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Keeps referral-service's copy of partners current from partner-service's events. */
@ApplicationScoped
public class PartnerDirectory {

    @Inject
    KnownPartnerRepository partners;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onCreated(CloudEvent event, PartnerCreated data) {
        upsert(event, data.partnerId(), data.name(), data.email(), data.category());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onUpdated(CloudEvent event, PartnerUpdated data) {
        upsert(event, data.partnerId(), data.name(), data.email(), data.category());
    }

    private void upsert(CloudEvent event, UUID partnerId, String name, String email, PartnerCategory category) {
        Instant changedAt = event.time() == null ? Instant.now() : event.time();
        KnownPartner partner = partners.findInTenant(event.tenantid(), partnerId).orElse(null);
        if (partner == null) {
            partner = new KnownPartner();
            partner.key = new KnownPartner.Key(event.tenantid(), partnerId);
        } else if (partner.changedAt.isAfter(changedAt)) {
            return;
        }
        partner.name = name;
        partner.email = email;
        partner.category = category;
        partner.changedAt = changedAt;
        partners.persist(partner);
    }
}
