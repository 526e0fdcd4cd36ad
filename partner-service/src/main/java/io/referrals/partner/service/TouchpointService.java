package io.referrals.partner.service;

import io.referrals.events.CloudEvent;
import io.referrals.events.EventTypes;
import io.referrals.events.notification.NotificationSent;
import io.referrals.events.partner.TouchpointLogged;
import io.referrals.partner.entity.Partner;
import io.referrals.partner.entity.PartnerRepository;
import io.referrals.partner.entity.PracticeRepository;
import io.referrals.partner.entity.Touchpoint;
import io.referrals.partner.entity.TouchpointKind;
import io.referrals.partner.entity.TouchpointRepository;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.text.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Contacts with partners. Logging one moves the partner's last touchpoint forward (never back: a back-dated
 * touchpoint is history, not news) and with it the next check-in; the change and its event commit together.
 */
@ApplicationScoped
public class TouchpointService {
    private static final Logger LOG = Logger.getLogger(TouchpointService.class);
    /** Allows for clocks and time zones; anything later is a typo. */
    static final Duration MAX_AHEAD = Duration.ofDays(1);

    @Inject
    Partners partners;

    @Inject
    PartnerRepository partnerRecords;

    @Inject
    TouchpointRepository touchpoints;

    @Inject
    PracticeRepository practices;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public Touchpoint log(String tenantId, UUID partnerId, LogTouchpoint command, String userId) {
        Partner partner = partners.lock(tenantId, partnerId);
        partner.rejectIfArchived();
        Instant now = Timestamps.now(clock);
        Instant occurredAt = command.occurredAt() == null ? now : Timestamps.stored(command.occurredAt());
        if (occurredAt.isAfter(now.plus(MAX_AHEAD))) {
            throw ProblemException.invalidField("occurredAt", "must not be more than one day in the future");
        }
        Touchpoint touchpoint =
                Touchpoint.of(partner, command.kind(), occurredAt, Text.blankToNull(command.note()), userId, now);
        record(partner, touchpoint, now);
        return touchpoint;
    }

    /**
     * A thank-you notification-service sent is a {@code thank_you} touchpoint, logged once: the touchpoint takes the
     * notification's id, so neither a redelivered event nor a republished one logs it twice. The check-in cadence
     * moves on from it as from any touchpoint. A partner this service does not know (yet) is skipped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onNotificationSent(CloudEvent event, NotificationSent data) {
        if (!data.isThankYou()) {
            return;
        }
        String tenantId = event.tenantid();
        var partner = partnerRecords.findInTenantForUpdate(tenantId, data.partnerId());
        if (partner.isEmpty()) {
            LOG.warnf(
                    "Thank-you %s names partner %s, unknown here; no touchpoint",
                    data.notificationId(), data.partnerId());
            return;
        }
        if (touchpoints.findByIdOptional(data.notificationId()).isPresent()) {
            return;
        }
        Instant now = Timestamps.now(clock);
        Touchpoint touchpoint = Touchpoint.of(
                partner.get(),
                TouchpointKind.THANK_YOU,
                Timestamps.stored(data.sentAt()),
                "Thank-you email sent for a referral",
                "notification-service",
                now);
        touchpoint.id = data.notificationId();
        record(partner.get(), touchpoint, now);
    }

    private void record(Partner partner, Touchpoint touchpoint, Instant now) {
        String tenantId = partner.tenantId;
        Instant occurredAt = touchpoint.occurredAt;
        touchpoints.persist(touchpoint);
        partner.touched(occurredAt, practices.profileOf(tenantId), now);
        outbox.publish(
                EventTypes.TOUCHPOINT_LOGGED,
                tenantId,
                partner.id,
                new TouchpointLogged(
                        touchpoint.id,
                        partner.id,
                        touchpoint.kind.json(),
                        touchpoint.occurredAt,
                        partner.nextCheckInDue));
    }

    public Page<Touchpoint> list(String tenantId, UUID partnerId, Paging paging) {
        partners.get(tenantId, partnerId);
        return touchpoints.page(tenantId, partnerId, paging);
    }

    public Touchpoint get(String tenantId, UUID partnerId, UUID id) {
        partners.get(tenantId, partnerId);
        return touchpoints
                .findForPartner(tenantId, partnerId, id)
                .orElseThrow(() -> ProblemException.notFound("Touchpoint", id));
    }
}
