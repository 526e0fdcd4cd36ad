package io.referrals.notification.service.followup;

import io.referrals.events.CloudEvent;
import io.referrals.events.booking.BookingProvider;
import io.referrals.events.booking.ReferralBookingChanged;
import io.referrals.notification.entity.PracticeSettings;
import io.referrals.notification.entity.PracticeSettingsRepository;
import io.referrals.notification.entity.ReferralState;
import io.referrals.notification.entity.ReferralStateRepository;
import io.referrals.notification.entity.TaskKind;
import io.referrals.notification.service.task.TaskService;
import io.referrals.platform.persistence.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The tasks a booked consultation asks of the practice (issue 30, {@code referral.booking-changed}):
 *
 * <ul>
 *   <li>{@code booking_unmatched} (one per booking): a booking that matched no referral waits to be matched or
 *       dismissed; closed by MATCHED or DISMISSED of that booking;
 *   <li>{@code booking_cancelled} and {@code booking_no_show} (one per booking, about its referral): follow up with
 *       the person; closed when the referral is booked again (BOOKED, RESCHEDULED, MATCHED), converts or closes.
 * </ul>
 *
 * Titles say the booking's time in the practice's time zone, never the attendee's name or email (the event carries
 * neither); the referred person's first name only as the other referral tasks do (when referral.events gave it).
 */
@ApplicationScoped
public class BookingFollowUp {
    /** A cancelled or missed consultation is followed up promptly, as a draft is reviewed: within a day. */
    static final Duration FOLLOW_UP_WITHIN = Duration.ofDays(1);

    /** "Tuesday 8 December 2026 at 15:00". */
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);

    private static final String FOLLOW_UP_WITH = "Follow up with ";
    private static final String UNNAMED = FOLLOW_UP_WITH + "the person referred";

    @Inject
    TaskService tasks;

    @Inject
    ReferralStateRepository referrals;

    @Inject
    PracticeSettingsRepository settings;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onBookingChanged(CloudEvent event, ReferralBookingChanged data) {
        String tenantId = event.tenantid();
        String bookingKey = data.bookingId().toString();
        switch (data.change()) {
            case UNMATCHED -> openUnmatched(tenantId, data);
            case DISMISSED -> tasks.close(tenantId, TaskKind.BOOKING_UNMATCHED, bookingKey, "booking dismissed");
            case MATCHED -> {
                tasks.close(tenantId, TaskKind.BOOKING_UNMATCHED, bookingKey, "booking matched");
                bookedAgain(tenantId, data.referralId(), "booking matched");
            }
            case BOOKED -> bookedAgain(tenantId, data.referralId(), "consultation booked again");
            case RESCHEDULED -> bookedAgain(tenantId, data.referralId(), "consultation rescheduled");
            case CANCELLED -> openFollowUp(tenantId, TaskKind.BOOKING_CANCELLED, data, "was cancelled");
            case NO_SHOW -> openFollowUp(tenantId, TaskKind.BOOKING_NO_SHOW, data, "was marked a no-show");
        }
    }

    /** The referral converted or closed: nothing is left to follow up about its cancelled or missed consultation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void referralEnded(String tenantId, UUID referralId, String reason) {
        tasks.closeForReferral(tenantId, TaskKind.BOOKING_CANCELLED, referralId, reason);
        tasks.closeForReferral(tenantId, TaskKind.BOOKING_NO_SHOW, referralId, reason);
    }

    /**
     * A booking task's title without the referred person's first name (PersonErasure): "Follow up with Sam, referred
     * by …" becomes "Follow up with the person referred by …".
     */
    public static String withoutName(String title, String name) {
        if (name == null || name.isBlank()) {
            return title;
        }
        String named = FOLLOW_UP_WITH + name + ", referred";
        return title.startsWith(named) ? UNNAMED + title.substring(named.length()) : title;
    }

    private void bookedAgain(String tenantId, UUID referralId, String reason) {
        if (referralId != null) {
            referralEnded(tenantId, referralId, reason);
        }
    }

    private void openUnmatched(String tenantId, ReferralBookingChanged data) {
        Instant now = Timestamps.now(clock);
        // Due within a day, or by the consultation itself when it is sooner: matched before the call, the practice
        // knows who is coming.
        Instant due = now.plus(FOLLOW_UP_WITHIN);
        if (data.startsAt().isAfter(now) && data.startsAt().isBefore(due)) {
            due = data.startsAt();
        }
        tasks.open(
                tenantId,
                new TaskService.Opening(
                        TaskKind.BOOKING_UNMATCHED,
                        data.bookingId().toString(),
                        data.partnerId(),
                        null,
                        null,
                        "A " + providerName(data.provider()) + " booking on " + when(tenantId, data.startsAt(), now)
                                + " matches no referral: match it to a referral or dismiss it",
                        due));
    }

    private void openFollowUp(String tenantId, TaskKind kind, ReferralBookingChanged data, String whatHappened) {
        if (data.referralId() == null) {
            return; // a booking of no referral is cancelled or missed: nobody to follow up with
        }
        Instant now = Timestamps.now(clock);
        Optional<ReferralState> referral = referrals.find(tenantId, data.referralId());
        UUID partnerId = data.partnerId() != null
                ? data.partnerId()
                : referral.map(r -> r.partnerId).orElse(null);
        tasks.open(
                tenantId,
                new TaskService.Opening(
                        kind,
                        data.bookingId().toString(),
                        partnerId,
                        data.referralId(),
                        null,
                        who(referral) + ": the consultation booked in " + providerName(data.provider()) + " for "
                                + when(tenantId, data.startsAt(), now) + " " + whatHappened,
                        now.plus(FOLLOW_UP_WITHIN)));
    }

    /** "Follow up with Sam, referred by Dana Lee", without the name when referral.events did not give it. */
    private static String who(Optional<ReferralState> known) {
        if (known.isEmpty()) {
            return UNNAMED;
        }
        ReferralState referral = known.get();
        String by =
                referral.referrerName == null || referral.referrerName.isBlank() ? "" : " by " + referral.referrerName;
        if (referral.referredFirstName == null || referral.referredFirstName.isBlank()) {
            return UNNAMED + by;
        }
        return FOLLOW_UP_WITH + referral.referredFirstName + ", referred" + by;
    }

    /** "Tuesday 8 December 2026 at 15:00 (Europe/Berlin)", in the practice's time zone. */
    private String when(String tenantId, Instant at, Instant now) {
        ZoneId zone = zoneOf(settings.of(tenantId, now));
        return WHEN.withZone(zone).format(at) + " (" + zone.getId() + ")";
    }

    private static ZoneId zoneOf(PracticeSettings practice) {
        try {
            return ZoneId.of(practice.timeZone == null ? "UTC" : practice.timeZone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static String providerName(BookingProvider provider) {
        return switch (provider) {
            case CALCOM -> "Cal.com";
            case CALENDLY -> "Calendly";
        };
    }
}
