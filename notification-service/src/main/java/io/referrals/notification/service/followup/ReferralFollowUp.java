package io.referrals.notification.service.followup;

import io.referrals.events.CloudEvent;
import io.referrals.events.Consent;
import io.referrals.events.ReferralStatus;
import io.referrals.events.campaign.ReferralPleasedCheckInAnswered;
import io.referrals.events.referral.ReferralAttributed;
import io.referrals.events.referral.ReferralClosed;
import io.referrals.events.referral.ReferralConsentChanged;
import io.referrals.events.referral.ReferralConverted;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.events.referral.ReferralStatusChanged;
import io.referrals.notification.entity.Notification;
import io.referrals.notification.entity.NotificationKind;
import io.referrals.notification.entity.NotificationRepository;
import io.referrals.notification.entity.ReferralState;
import io.referrals.notification.entity.ReferralStateRepository;
import io.referrals.notification.entity.TaskKind;
import io.referrals.notification.service.NotificationConfig;
import io.referrals.notification.service.batch.BatchRows;
import io.referrals.notification.service.mail.Messages;
import io.referrals.notification.service.task.TaskService;
import io.referrals.platform.persistence.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What referral.events ask of the practice, within the referred person's consent (the latest one this service has
 * heard of, from received, status changes, consent changes and closures):
 *
 * <ul>
 *   <li>a thank-you to the referrer for every referral, and a task to contact the person by the deadline;
 *   <li>a contact-made update when the referral reaches contacted or later, if consent allows contact_made;
 *   <li>an outcome update when it converts or closes, if consent allows outcome; after a conversion, a task to ask
 *       the referrer whether their person was pleased;
 *   <li>when the consent narrows, unsent messages it no longer allows are withdrawn and the others re-rendered;
 *       when it widens, the update the referral's current status now allows is written.
 * </ul>
 */
@ApplicationScoped
public class ReferralFollowUp {
    /** Statuses at which the practice has been in touch with the person (no_response: it could not reach them). */
    private static final Set<ReferralStatus> CONTACT_MADE = EnumSet.of(
            ReferralStatus.CONTACTED,
            ReferralStatus.CONSULTATION_BOOKED,
            ReferralStatus.CONVERTED,
            ReferralStatus.NOT_A_FIT,
            ReferralStatus.DECLINED);

    @Inject
    ReferralStateRepository referrals;

    @Inject
    NotificationRepository notifications;

    @Inject
    Messages messages;

    @Inject
    TaskService tasks;

    @Inject
    BookingFollowUp bookings;

    @Inject
    NotificationConfig config;

    @Inject
    BatchRows batch;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onReceived(CloudEvent event, ReferralReceived data) {
        String tenantId = event.tenantid();
        Instant now = Timestamps.now(clock);
        Optional<ReferralState> loaded = batch.referral(tenantId, data.referralId());
        ReferralState referral = (loaded != null ? loaded : referrals.lock(tenantId, data.referralId()))
                .orElseGet(() -> {
                    ReferralState created = new ReferralState();
                    created.key = new ReferralState.Key(tenantId, data.referralId());
                    created.status = ReferralStatus.RECEIVED;
                    created.consent = data.consent();
                    return created;
                });
        referral.partnerId = data.referrer().partnerId();
        referral.referrerName = data.referrer().name();
        referral.referrerEmail = data.referrer().email();
        // Named only as far as the consent allows (referral-service leaves the name out otherwise; older events
        // may still carry it): without it the messages say "your referral".
        String referredName = data.nameAllowed();
        referral.referredFirstName = Messages.firstName(referredName);
        referral.receivedAt = Timestamps.stored(data.receivedAt());
        if (data.bookingLink() != null) {
            referral.bookingLink = data.bookingLink();
        }
        referral.updatedAt = now;
        referrals.persist(referral);
        batch.referralCreated(referral);

        tellReferrer(referral, NotificationKind.REFERRAL_THANK_YOU, Map.of());
        if (referral.status == ReferralStatus.RECEIVED) {
            Instant due = data.firstContactDueAt() != null
                    ? data.firstContactDueAt()
                    : referral.receivedAt.plus(Duration.ofHours(config.tasks().firstContactHours()));
            tasks.open(
                    tenantId,
                    new TaskService.Opening(
                            TaskKind.FIRST_CONTACT,
                            data.referralId().toString(),
                            referral.partnerId,
                            data.referralId(),
                            null,
                            (referredName == null
                                            ? "Contact the person referred by "
                                            : "Contact " + referredName.strip() + ", referred by ")
                                    + referral.referrerName,
                            due));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onStatusChanged(CloudEvent event, ReferralStatusChanged data) {
        String tenantId = event.tenantid();
        if (!data.to().isOpen()) {
            // Before the referral's state is looked up: a booking's task may be about a referral not known here.
            bookings.referralEnded(
                    tenantId, data.referralId(), "referral " + data.to().json());
        }
        var known = referrals.lock(tenantId, data.referralId());
        if (known.isEmpty()) {
            return; // received before this service listened: nothing to follow up
        }
        ReferralState referral = known.get();
        referral.status = data.to();
        referral.updatedAt = Timestamps.now(clock);
        consentIs(referral, data.consent());
        if (data.to() != ReferralStatus.RECEIVED) {
            tasks.close(
                    tenantId,
                    TaskKind.FIRST_CONTACT,
                    data.referralId().toString(),
                    "referral " + data.to().json());
        }
        boolean outcomeWillTell = !data.to().isOpen() && referral.consent.allows(Consent.OUTCOME);
        if (CONTACT_MADE.contains(data.to()) && referral.consent.allows(Consent.CONTACT_MADE) && !outcomeWillTell) {
            tellReferrer(referral, NotificationKind.CONTACT_MADE_UPDATE, Map.of());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onConverted(CloudEvent event, ReferralConverted data) {
        String tenantId = event.tenantid();
        bookings.referralEnded(tenantId, data.referralId(), "referral converted");
        var known = referrals.lock(tenantId, data.referralId());
        if (known.isEmpty()) {
            return;
        }
        ReferralState referral = known.get();
        referral.status = ReferralStatus.CONVERTED;
        referral.convertedAt = Timestamps.stored(data.convertedAt());
        referral.updatedAt = Timestamps.now(clock);
        tasks.close(tenantId, TaskKind.FIRST_CONTACT, data.referralId().toString(), "referral converted");
        if (!referral.consent.allows(Consent.OUTCOME) || referral.partnerId == null) {
            return;
        }
        tellReferrer(
                referral,
                NotificationKind.OUTCOME_UPDATE,
                Map.of("converted", true, "outcome", ReferralStatus.CONVERTED.json()));
        pleasedCheckIn(referral);
    }

    /** The practice recorded the pleased check-in's answer (pleased or not): its task is done. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onPleasedCheckInAnswered(CloudEvent event, ReferralPleasedCheckInAnswered data) {
        tasks.close(
                event.tenantid(), TaskKind.PLEASED_CHECK_IN, data.referralId().toString(), "answered");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onClosed(CloudEvent event, ReferralClosed data) {
        String tenantId = event.tenantid();
        bookings.referralEnded(tenantId, data.referralId(), "referral closed");
        var known = referrals.lock(tenantId, data.referralId());
        if (known.isEmpty()) {
            return;
        }
        ReferralState referral = known.get();
        referral.status = data.outcome();
        referral.updatedAt = Timestamps.now(clock);
        consentIs(referral, data.consent());
        tasks.close(tenantId, TaskKind.FIRST_CONTACT, data.referralId().toString(), "referral closed");
        if (referral.consent.allows(Consent.OUTCOME)) {
            tellReferrer(
                    referral,
                    NotificationKind.OUTCOME_UPDATE,
                    Map.of("converted", false, "outcome", data.outcome().json()));
        }
    }

    /**
     * A narrower consent withdraws or re-renders what it no longer allows; a wider one lets the referrer hear now what
     * the referral already reached (each message still once per referral and kind, drafted or sent as the practice
     * chose).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onConsentChanged(CloudEvent event, ReferralConsentChanged data) {
        referrals.lock(event.tenantid(), data.referralId()).ifPresent(referral -> {
            referral.updatedAt = Timestamps.now(clock);
            consentIs(referral, data.consent());
            updateOnWhatItReached(referral);
        });
    }

    /**
     * The practice confirmed an unverified attribution: the referrer is thanked now (drafted or sent as the practice
     * chose) and told what the referral already reached, as far as the consent allows, exactly as if they had been
     * known from the start (each message still once per referral and kind). A rejected attribution publishes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAttributed(CloudEvent event, ReferralAttributed data) {
        var known = referrals.lock(event.tenantid(), data.referralId());
        if (known.isEmpty() || known.get().partnerId != null) {
            return; // received before this service listened, or attributed already
        }
        ReferralState referral = known.get();
        referral.partnerId = data.referrer().partnerId();
        referral.referrerName = data.referrer().name();
        referral.referrerEmail = data.referrer().email();
        referral.updatedAt = Timestamps.now(clock);
        tellReferrer(referral, NotificationKind.REFERRAL_THANK_YOU, Map.of());
        updateOnWhatItReached(referral);
    }

    /** The outcome, or else that contact was made, as far as the referral got and its consent allows. */
    private void updateOnWhatItReached(ReferralState referral) {
        if (referral.consent.allows(Consent.OUTCOME) && !referral.status.isOpen()) {
            outcomeUpdate(referral);
        } else if (CONTACT_MADE.contains(referral.status) && referral.consent.allows(Consent.CONTACT_MADE)) {
            tellReferrer(referral, NotificationKind.CONTACT_MADE_UPDATE, Map.of());
        }
    }

    /**
     * A message to the referrer about the referral, once per kind; none while the referral is nobody's (its
     * attribution unverified or rejected): the practice has not stood behind the match.
     */
    private void tellReferrer(ReferralState referral, NotificationKind kind, Map<String, Object> extra) {
        if (referral.partnerId != null) {
            messages.writeOnce(referral.tenantId(), kind, Messages.Subject.of(referral, extra));
        }
    }

    private void outcomeUpdate(ReferralState referral) {
        if (referral.partnerId == null) {
            return;
        }
        boolean converted = referral.status == ReferralStatus.CONVERTED;
        tellReferrer(
                referral,
                NotificationKind.OUTCOME_UPDATE,
                Map.of("converted", converted, "outcome", referral.status.json()));
        if (converted && referral.convertedAt != null) {
            pleasedCheckIn(referral);
        }
    }

    private void pleasedCheckIn(ReferralState referral) {
        tasks.open(
                referral.tenantId(),
                new TaskService.Opening(
                        TaskKind.PLEASED_CHECK_IN,
                        referral.referralId().toString(),
                        referral.partnerId,
                        referral.referralId(),
                        null,
                        "Ask " + referral.referrerName + " whether "
                                + (referral.referredFirstName.isEmpty() ? "their referral" : referral.referredFirstName)
                                + " was pleased",
                        referral.convertedAt.plus(Duration.ofDays(config.tasks().pleasedCheckInDays()))));
    }

    /**
     * Records the latest consent; a narrower one withdraws the unsent messages it no longer allows and re-renders
     * the others that were written under a wider one (a practice's edits to them are replaced: they may name the
     * person).
     */
    private void consentIs(ReferralState referral, Consent consent) {
        referral.consent = consent;
        for (Notification message : notifications.unsentAbout(referral.tenantId(), referral.referralId())) {
            messages.reconcile(message, referral);
        }
    }
}
