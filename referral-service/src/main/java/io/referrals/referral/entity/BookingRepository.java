package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.referrals.events.booking.BookingProvider;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Pages;
import io.referrals.platform.persistence.Where;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Every query is scoped to one practice: another practice's booking is simply not found. */
@ApplicationScoped
public class BookingRepository implements PanacheRepositoryBase<Booking, UUID> {

    public Optional<Booking> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** The booking the tool knows by this id (its current one). */
    public Optional<Booking> findByProviderId(String tenantId, BookingProvider provider, String providerBookingId) {
        return find("tenantId = ?1 and provider = ?2 and providerBookingId = ?3", tenantId, provider, providerBookingId)
                .firstResultOptional();
    }

    /** Newest first. */
    public Page<Booking> list(String tenantId, Booking.State state, Paging paging) {
        Where where = Where.tenant(tenantId).and("state = :state", "state", state);
        return Pages.of(find(where.query(), Sort.descending("receivedAt").and("id"), where.parameters()), paging);
    }

    /** The newest booking matched to the referral. */
    /** The newest booking of each of these referrals that has one: one query for a page of referrals. */
    public Map<UUID, Booking> newestOf(String tenantId, Collection<UUID> referralIds) {
        Map<UUID, Booking> newest = new HashMap<>();
        if (referralIds.isEmpty()) {
            return newest;
        }
        find("tenantId = ?1 and referralId in ?2", Sort.descending("receivedAt").and("id"), tenantId, referralIds)
                .stream()
                .forEach(booking -> newest.putIfAbsent(booking.referralId, booking));
        return newest;
    }

    public Optional<Booking> newestOf(String tenantId, UUID referralId) {
        return find(
                        "tenantId = ?1 and referralId = ?2",
                        Sort.descending("receivedAt").and("id"),
                        tenantId,
                        referralId)
                .firstResultOptional();
    }

    /** The person's bookings: matched to one of their referrals, or made with their email (any case). */
    public List<Booking> ofPerson(String tenantId, Collection<UUID> referralIds, String email) {
        return find(
                        "tenantId = ?1 and (referralId in ?2 or lower(attendeeEmail) = ?3)",
                        Sort.ascending("receivedAt").and("id"),
                        tenantId,
                        // An empty list or email matches nothing (no attendee email is blank).
                        referralIds.isEmpty() ? List.of(new UUID(0, 0)) : referralIds,
                        email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT))
                .list();
    }

    /** Drops the attendee's name and email from the person's bookings. */
    public int eraseAttendees(String tenantId, Collection<UUID> bookingIds) {
        if (bookingIds.isEmpty()) {
            return 0;
        }
        return update(
                "attendeeName = null, attendeeEmail = null where tenantId = ?1 and id in ?2", tenantId, bookingIds);
    }
}
