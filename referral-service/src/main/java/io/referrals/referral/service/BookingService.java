package io.referrals.referral.service;

import io.referrals.events.EventTypes;
import io.referrals.events.ReferralStatus;
import io.referrals.events.WireEnum;
import io.referrals.events.booking.BookingChange;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.ProblemException;
import io.referrals.referral.entity.Booking;
import io.referrals.referral.entity.BookingIntegration;
import io.referrals.referral.entity.BookingIntegrationRepository;
import io.referrals.referral.entity.BookingRepository;
import io.referrals.referral.entity.Referral;
import io.referrals.referral.entity.ReferralRepository;
import io.referrals.referral.mapping.BookingMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Bookings of one practice: a delivery applied (matched to a referral by its code, else by the attendee's email, else
 * left for the practice), and the practice's own matching and dismissing. Every change and its events commit
 * together, through the referral's normal lifecycle.
 */
@ApplicationScoped
public class BookingService {
    @Inject
    BookingRepository bookings;

    @Inject
    BookingIntegrationRepository integrations;

    @Inject
    ReferralRepository referrals;

    @Inject
    ReferralService referralService;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** What a delivery did, as the receiving URL answers it. */
    public enum Outcome implements WireEnum {
        BOOKED,
        RESCHEDULED,
        CANCELLED,
        NO_SHOW,
        UNMATCHED,
        DUPLICATE,
        IGNORED
    }

    public record Applied(Outcome outcome, UUID bookingId) {}

    /**
     * Applies a verified delivery once: its key is remembered in the same transaction as its effects, so the
     * provider's retry (or a concurrent copy, which waits for the first's commit) is a duplicate and changes nothing.
     */
    @Transactional
    public Applied apply(UUID integrationId, BookingNotice notice) {
        BookingIntegration integration = integrations.findById(integrationId);
        Instant now = Timestamps.now(clock);
        integrations.countDelivery(integrationId, now);
        if (notice.deliveryKey() != null && !integrations.rememberDelivery(integrationId, notice.deliveryKey(), now)) {
            return new Applied(Outcome.DUPLICATE, null);
        }
        return switch (notice.kind()) {
            case CREATED -> created(integration, notice, now);
            case RESCHEDULED -> rescheduled(integration, notice, now);
            case CANCELLED -> cancelled(integration, notice, now);
            case NO_SHOW -> noShow(integration, notice, now);
            case IGNORED -> new Applied(Outcome.IGNORED, null);
        };
    }

    /** A refused delivery counted on its integration, in a transaction of its own (the request's changes nothing). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void countRefused(UUID integrationId) {
        integrations.countRefused(integrationId);
    }

    private Applied created(BookingIntegration integration, BookingNotice notice, Instant now) {
        Optional<Booking> known =
                bookings.findByProviderId(integration.tenantId, integration.provider, notice.providerBookingId());
        if (known.isPresent()) {
            // The same booking told again under another trigger: it is known as it is.
            return new Applied(Outcome.DUPLICATE, known.get().id);
        }
        Booking booking = new Booking();
        booking.id = UUID.randomUUID();
        booking.tenantId = integration.tenantId;
        booking.integrationId = integration.id;
        booking.provider = integration.provider;
        booking.providerBookingId = notice.providerBookingId();
        booking.state = Booking.State.UNMATCHED;
        booking.status = Booking.Status.BOOKED;
        booking.startsAt = notice.startsAt();
        booking.endsAt = notice.endsAt();
        booking.attendeeName = clip(notice.attendeeName(), 300);
        booking.attendeeEmail = clip(notice.attendeeEmail(), 320);
        booking.receivedAt = now;
        booking.updatedAt = now;
        bookings.persist(booking);

        Optional<Referral> byCode = Optional.ofNullable(BookingCodes.normalize(notice.code()))
                .flatMap(code -> referrals.findByBookingCode(integration.tenantId, code));
        if (byCode.isPresent()) {
            matchTo(booking, byCode.get(), Booking.MatchedBy.CODE, BookingChange.BOOKED, now);
            return new Applied(Outcome.BOOKED, booking.id);
        }
        Optional<Referral> byEmail = booking.attendeeEmail == null
                ? Optional.empty()
                : referrals.findNewestOpenByEmail(integration.tenantId, booking.attendeeEmail);
        if (byEmail.isPresent()) {
            matchTo(booking, byEmail.get(), Booking.MatchedBy.EMAIL, BookingChange.BOOKED, now);
            return new Applied(Outcome.BOOKED, booking.id);
        }
        // Never a referral invented from a booking: it waits for the practice to match or dismiss it.
        publish(booking, null, BookingChange.UNMATCHED, null, now);
        return new Applied(Outcome.UNMATCHED, booking.id);
    }

    private Applied rescheduled(BookingIntegration integration, BookingNotice notice, Instant now) {
        Optional<Booking> found = Optional.<Booking>empty();
        if (notice.previousProviderBookingId() != null) {
            found = bookings.findByProviderId(
                    integration.tenantId, integration.provider, notice.previousProviderBookingId());
        }
        if (found.isEmpty()) {
            found = bookings.findByProviderId(integration.tenantId, integration.provider, notice.providerBookingId());
        }
        if (found.isEmpty()) {
            // The booking it moves never reached us (made before the integration, or its delivery was lost).
            return created(integration, notice, now);
        }
        Booking booking = found.get();
        Instant previous = booking.startsAt;
        booking.providerBookingId = notice.providerBookingId();
        booking.startsAt = notice.startsAt();
        booking.endsAt = notice.endsAt();
        booking.status = Booking.Status.BOOKED;
        booking.updatedAt = now;
        if (booking.state == Booking.State.MATCHED) {
            Referral referral = referralService.get(booking.tenantId, booking.referralId);
            referral.consultationAt = booking.startsAt;
            referral.updatedAt = now;
            publish(booking, referral, BookingChange.RESCHEDULED, previous, now);
        }
        return new Applied(Outcome.RESCHEDULED, booking.id);
    }

    /** The referral's status stays (the lifecycle only goes forwards): the practice rebooks or closes it. */
    private Applied cancelled(BookingIntegration integration, BookingNotice notice, Instant now) {
        Optional<Booking> found =
                bookings.findByProviderId(integration.tenantId, integration.provider, notice.providerBookingId());
        if (found.isEmpty()) {
            return new Applied(Outcome.IGNORED, null);
        }
        Booking booking = found.get();
        booking.status = Booking.Status.CANCELLED;
        booking.updatedAt = now;
        if (booking.state == Booking.State.MATCHED) {
            Referral referral = referralService.get(booking.tenantId, booking.referralId);
            if (booking.startsAt.equals(referral.consultationAt)) {
                referral.consultationAt = null;
                referral.updatedAt = now;
            }
            publish(booking, referral, BookingChange.CANCELLED, null, now);
        }
        return new Applied(Outcome.CANCELLED, booking.id);
    }

    private Applied noShow(BookingIntegration integration, BookingNotice notice, Instant now) {
        Optional<Booking> found =
                bookings.findByProviderId(integration.tenantId, integration.provider, notice.providerBookingId());
        if (found.isEmpty()) {
            return new Applied(Outcome.IGNORED, null);
        }
        Booking booking = found.get();
        booking.status = Booking.Status.NO_SHOW;
        booking.updatedAt = now;
        if (booking.state == Booking.State.MATCHED) {
            publish(
                    booking,
                    referralService.get(booking.tenantId, booking.referralId),
                    BookingChange.NO_SHOW,
                    null,
                    now);
        }
        return new Applied(Outcome.NO_SHOW, booking.id);
    }

    /**
     * The practice matches a waiting booking to one of its referrals, open or already booked: as if it had come
     * with the referral's code, announced as MATCHED.
     */
    @Transactional
    public Booking match(String tenantId, UUID id, UUID referralId) {
        Booking booking = requireUnmatched(get(tenantId, id));
        Referral referral = referralService.get(tenantId, referralId);
        if (!referral.status.isOpen()) {
            throw ProblemException.conflict(
                    "referral-not-open",
                    "The referral is closed",
                    "A booking can be matched to an open referral only (received, contacted or consultation "
                            + "booked); this one is " + referral.status.json() + ".",
                    Map.of("currentStatus", referral.status.json()));
        }
        matchTo(booking, referral, Booking.MatchedBy.PRACTICE, BookingChange.MATCHED, Timestamps.now(clock));
        return booking;
    }

    /** The practice says a waiting booking belongs to no referral. */
    @Transactional
    public Booking dismiss(String tenantId, UUID id) {
        Booking booking = requireUnmatched(get(tenantId, id));
        Instant now = Timestamps.now(clock);
        booking.state = Booking.State.DISMISSED;
        booking.updatedAt = now;
        publish(booking, null, BookingChange.DISMISSED, null, now);
        return booking;
    }

    public Booking get(String tenantId, UUID id) {
        return bookings.findInTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("Booking", id));
    }

    public Page<Booking> list(String tenantId, Booking.State state, Paging paging) {
        return bookings.list(tenantId, state, paging);
    }

    /** The newest booking matched to each of these referrals that has one (a page of them, in one query). */
    public Map<UUID, Booking> newestOf(String tenantId, Collection<UUID> referralIds) {
        return bookings.newestOf(tenantId, referralIds);
    }

    /** The newest booking matched to the referral, if any. */
    public Optional<Booking> newestOf(Referral referral) {
        return bookings.newestOf(referral.tenantId, referral.id);
    }

    private static Booking requireUnmatched(Booking booking) {
        if (booking.state != Booking.State.UNMATCHED) {
            throw ProblemException.conflict(
                    "booking-not-unmatched",
                    "The booking is " + booking.state.json(),
                    "Only an unmatched booking can be matched or dismissed.",
                    Map.of("state", booking.state.json()));
        }
        return booking;
    }

    /**
     * The booking becomes the referral's: its time is the referral's consultation, and a referral not yet booked
     * moves to consultation_booked through the lifecycle (its StatusChange and referral.status-changed, the first
     * contact dated). A converted or closed referral keeps its status: the lifecycle never goes back.
     */
    private void matchTo(Booking booking, Referral referral, Booking.MatchedBy by, BookingChange change, Instant now) {
        booking.state = Booking.State.MATCHED;
        booking.referralId = referral.id;
        booking.matchedBy = by;
        booking.updatedAt = now;
        if (booking.status == Booking.Status.BOOKED) {
            referral.consultationAt = booking.startsAt;
            referral.updatedAt = now;
            if (referral.status == ReferralStatus.RECEIVED || referral.status == ReferralStatus.CONTACTED) {
                referralService.moveByBooking(
                        referral, ReferralStatus.CONSULTATION_BOOKED, "booking:" + booking.provider.json());
            }
        }
        publish(booking, referral, change, null, now);
    }

    private void publish(Booking booking, Referral referral, BookingChange change, Instant previous, Instant now) {
        outbox.publish(
                EventTypes.REFERRAL_BOOKING_CHANGED,
                booking.tenantId,
                referral == null ? booking.id : referral.id,
                BookingMapper.toChanged(booking, referral, change, previous, now));
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
