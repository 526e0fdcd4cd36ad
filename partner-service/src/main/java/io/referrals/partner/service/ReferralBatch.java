package io.referrals.partner.service;

import io.referrals.events.CloudEvent;
import io.referrals.events.EventTypes;
import io.referrals.events.MalformedEventException;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.partner.entity.PartnerRepository;
import io.referrals.platform.inbox.BatchSession;
import io.referrals.platform.inbox.EventRouter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The referral.events consumer's batch (issue 31): before the first event of a poll is applied, loads and locks the
 * partners its ReferralReceived events name, one statement per practice, into {@link BatchPartners}; the session is kept
 * for the whole batch and flushed once, so a partner credited with many referrals of the poll is updated once. Every
 * other event runs {@link #flushingAsUsual}: its queries see all that the batch changed before it.
 */
@ApplicationScoped
public class ReferralBatch {
    @Inject
    BatchPartners batchPartners;

    @Inject
    BatchSession session;

    @Inject
    PartnerRepository partners;

    @Transactional(Transactional.TxType.MANDATORY)
    public void prepare(List<CloudEvent> events, EventRouter.Payloads payloads) {
        Map<String, Set<UUID>> named = new TreeMap<>();
        for (CloudEvent event : events) {
            if (!EventTypes.REFERRAL_RECEIVED.cloudEventType().equals(event.type())) {
                continue;
            }
            ReferralReceived received;
            try {
                received = payloads.data(event, EventTypes.REFERRAL_RECEIVED);
            } catch (MalformedEventException e) {
                continue; // its handler reports it
            }
            if (received.unverified()) {
                continue; // credits nobody: nothing to load
            }
            named.computeIfAbsent(event.tenantid(), tenant -> new TreeSet<>())
                    .add(received.referrer().partnerId());
        }
        named.forEach((tenantId, ids) -> batchPartners.loaded(tenantId, ids, partners.lockAll(tenantId, ids)));
    }

    /** A handler whose queries must see what the batch's earlier events changed, as when each event was flushed. */
    public <T> EventRouter.Handler<T> flushingAsUsual(EventRouter.Handler<T> handler) {
        return (event, data) -> session.flushingAsUsual(() -> handler.handle(event, data));
    }
}
