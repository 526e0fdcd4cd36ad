package io.referrals.metrics.service.projection;

import io.referrals.events.CloudEvent;
import io.referrals.events.PartnerStage;
import io.referrals.events.partner.AgreementActivated;
import io.referrals.events.partner.AgreementEnded;
import io.referrals.events.partner.PartnerArchived;
import io.referrals.events.partner.PartnerCreated;
import io.referrals.events.partner.PartnerStageChanged;
import io.referrals.events.partner.PartnerUpdated;
import io.referrals.events.partner.TouchpointLogged;
import io.referrals.metrics.entity.BucketRepository;
import io.referrals.metrics.entity.PartnerMetrics;
import io.referrals.metrics.entity.PartnerMetricsRepository;
import io.referrals.metrics.entity.PracticeRepository;
import io.referrals.metrics.service.Scope;
import io.referrals.platform.persistence.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The partner dimension: names, grouping attributes, stage, archive flag, agreement in force and activity. Each
 * attribute keeps the value of the latest event that set it. When a partner's groups change, its buckets move from
 * the old groups to the new ones in the same transaction, so that group buckets always equal the sum of their
 * partners' buckets by current attributes, as a recount would give.
 */
@ApplicationScoped
class PartnerProjection {
    @Inject
    PracticeRepository practices;

    @Inject
    PartnerMetricsRepository partners;

    @Inject
    BucketRepository buckets;

    @Inject
    Dormancy dormancy;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onCreated(CloudEvent event, PartnerCreated data) {
        Instant at = at(data.createdAt(), event);
        regroup(event.tenantid(), data.partnerId(), partner -> {
            if (isLatest(partner.attributesAt, at)) {
                describe(partner, data.name(), data.category(), data.allianceTypes(), data.checkInCadenceDays(), at);
                partner.candidate = Boolean.TRUE.equals(data.candidate());
            }
            if (isLatest(partner.stageAt, at)) {
                partner.stage = data.stage() != null ? data.stage() : PartnerStage.IDENTIFIED;
                partner.stageAt = at;
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onUpdated(CloudEvent event, PartnerUpdated data) {
        Instant at = at(data.updatedAt(), event);
        regroup(event.tenantid(), data.partnerId(), partner -> {
            if (isLatest(partner.attributesAt, at)) {
                describe(partner, data.name(), data.category(), data.allianceTypes(), data.checkInCadenceDays(), at);
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onStageChanged(CloudEvent event, PartnerStageChanged data) {
        Instant at = Timestamps.stored(data.changedAt());
        regroup(event.tenantid(), data.partnerId(), partner -> {
            if (isLatest(partner.stageAt, at)) {
                partner.stage = data.to();
                partner.stageAt = at;
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onArchived(CloudEvent event, PartnerArchived data) {
        Instant at = Timestamps.stored(data.at());
        regroup(event.tenantid(), data.partnerId(), partner -> {
            if (isLatest(partner.archivedAt, at)) {
                partner.archived = data.archived();
                partner.archivedAt = at;
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onAgreementActivated(CloudEvent event, AgreementActivated data) {
        regroup(event.tenantid(), data.partnerId(), partner -> partner.agreementId = data.agreementId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onAgreementEnded(CloudEvent event, AgreementEnded data) {
        regroup(event.tenantid(), data.partnerId(), partner -> {
            if (data.agreementId().equals(partner.agreementId)) {
                partner.agreementId = data.supersededBy();
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onTouchpoint(CloudEvent event, TouchpointLogged data) {
        regroup(
                event.tenantid(),
                data.partnerId(),
                partner -> dormancy.activity(partner, Timestamps.stored(data.occurredAt())));
    }

    /** Applies a change to the locked partner, then moves its buckets to the groups it is in now. */
    private void regroup(String tenantId, UUID partnerId, Consumer<PartnerMetrics> change) {
        practices.lockShared(tenantId);
        PartnerMetrics partner = partners.lock(tenantId, partnerId);
        List<Scope> before = Scope.groupsOf(partner);
        change.accept(partner);
        List<Scope> after = Scope.groupsOf(partner);
        String partnerKey = partnerId.toString();
        difference(before, after).forEach(g -> buckets.copyPartner(tenantId, partnerKey, g.name(), g.key(), -1));
        difference(after, before).forEach(g -> buckets.copyPartner(tenantId, partnerKey, g.name(), g.key(), 1));
    }

    private static void describe(
            PartnerMetrics partner,
            String name,
            io.referrals.events.PartnerCategory category,
            List<String> allianceTypes,
            Integer cadenceDays,
            Instant at) {
        partner.known = true;
        partner.partnerName = name;
        partner.category = category;
        if (allianceTypes != null) {
            partner.allianceTypes(allianceTypes);
        }
        if (cadenceDays != null) {
            partner.cadenceDays = cadenceDays;
        }
        partner.attributesAt = at;
    }

    private static List<Scope> difference(List<Scope> these, List<Scope> those) {
        List<Scope> result = new ArrayList<>(these);
        result.removeAll(those);
        return result;
    }

    /** Whether an event of time {@code at} is at least as recent as the one that set the attribute. */
    private static boolean isLatest(Instant setAt, Instant at) {
        return setAt == null || !at.isBefore(setAt);
    }

    private static Instant at(Instant eventTime, CloudEvent event) {
        return Timestamps.stored(eventTime != null ? eventTime : event.time());
    }
}
