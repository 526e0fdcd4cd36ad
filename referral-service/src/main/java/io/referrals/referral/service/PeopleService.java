package io.referrals.referral.service;

import io.referrals.events.EventTypes;
import io.referrals.events.referral.PersonErased;
import io.referrals.platform.outbox.Outbox;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.text.Text;
import io.referrals.referral.entity.Booking;
import io.referrals.referral.entity.BookingRepository;
import io.referrals.referral.entity.ConsentChange;
import io.referrals.referral.entity.ConsentChangeRepository;
import io.referrals.referral.entity.GivenReferral;
import io.referrals.referral.entity.PersonDataRepository;
import io.referrals.referral.entity.Referral;
import io.referrals.referral.entity.StatusChange;
import io.referrals.referral.entity.StatusChangeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A referred person's rights over what this practice holds about them here: to see all of it, and to have it erased.
 * referral-service answers for its own data only; other services answer for theirs (see the README).
 */
@ApplicationScoped
public class PeopleService {
    @Inject
    PersonDataRepository people;

    @Inject
    StatusChangeRepository statusChanges;

    @Inject
    ConsentChangeRepository consentChanges;

    @Inject
    Outbox outbox;

    @Inject
    BookingRepository bookings;

    @Inject
    Clock clock;

    /**
     * Everything about one person: their referrals with both histories, the referrals given about them, and their
     * bookings (matched to their referrals, or made with their email).
     */
    public record PersonData(
            List<Referral> referrals,
            Map<UUID, List<StatusChange>> statusHistory,
            Map<UUID, List<ConsentChange>> consentHistory,
            List<GivenReferral> givenReferrals,
            List<Booking> bookings) {}

    /** What an erasure changed: nothing the second time. */
    public record Erasure(List<UUID> referralIds, List<UUID> givenReferralIds, List<UUID> bookingIds) {}

    @Transactional
    public PersonData export(String tenantId, PeopleCommands.Person person) {
        String email = emailOf(person);
        String digits = digitsOf(person);
        List<Referral> referrals = people.referrals(tenantId, email, digits);
        Map<UUID, List<StatusChange>> statuses = new LinkedHashMap<>();
        Map<UUID, List<ConsentChange>> consents = new LinkedHashMap<>();
        for (Referral referral : referrals) {
            statuses.put(referral.id, statusChanges.history(tenantId, referral.id));
            consents.put(referral.id, consentChanges.history(tenantId, referral.id));
        }
        return new PersonData(
                referrals,
                statuses,
                consents,
                people.givenReferrals(tenantId, email, digits),
                bookings.ofPerson(tenantId, referrals.stream().map(r -> r.id).toList(), email));
    }

    /**
     * Erases the person here and announces it (PersonErased, naming no one) so that every service holding a copy
     * erases theirs. A person no longer found (already erased) changes nothing and announces nothing.
     */
    @Transactional
    public Erasure erase(String tenantId, PeopleCommands.Person person) {
        String email = emailOf(person);
        String digits = digitsOf(person);
        List<Referral> referrals = people.referrals(tenantId, email, digits);
        List<GivenReferral> given = people.givenReferrals(tenantId, email, digits);
        List<UUID> referralIds = referrals.stream().map(r -> r.id).toList();
        List<UUID> givenIds = given.stream().map(g -> g.id).toList();
        // Their bookings' attendee name and email go too; a booking erased before has no email left to find it by.
        List<UUID> bookingIds = bookings.ofPerson(tenantId, referralIds, email).stream()
                .filter(b -> b.attendeeEmail != null || b.attendeeName != null)
                .map(b -> b.id)
                .toList();
        bookings.eraseAttendees(tenantId, bookingIds);
        if (referralIds.isEmpty() && givenIds.isEmpty()) {
            return new Erasure(List.of(), List.of(), bookingIds);
        }
        List<String> traces = new ArrayList<>();
        traces.add(email);
        referrals.forEach(r -> {
            traces.add(r.referredEmail);
            traces.add(r.referredPhone);
        });
        given.forEach(g -> {
            traces.add(g.personEmail);
            traces.add(g.personPhone);
        });
        people.erase(tenantId, referralIds, givenIds, traces);
        if (!referralIds.isEmpty()) {
            Instant now = Timestamps.now(clock);
            PersonErased erased = new PersonErased(UUID.randomUUID(), referralIds, now);
            for (UUID referralId : referralIds) {
                outbox.publish(EventTypes.PERSON_ERASED, tenantId, referralId, erased);
            }
        }
        return new Erasure(referralIds, givenIds, bookingIds);
    }

    private static String emailOf(PeopleCommands.Person person) {
        requireOne(person);
        return Text.blankToNull(person.email());
    }

    private static String digitsOf(PeopleCommands.Person person) {
        String phone = Text.blankToNull(person.phone());
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : digits;
    }

    private static void requireOne(PeopleCommands.Person person) {
        if (person == null || (Text.blankToNull(person.email()) == null && Text.blankToNull(person.phone()) == null)) {
            throw ProblemException.invalidField("email", "give the person's email or phone");
        }
    }
}
