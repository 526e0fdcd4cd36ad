package io.referrals.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.ReferralChannel;
import io.referrals.events.Topics;
import io.referrals.platform.inbox.EventRouter;
import io.referrals.platform.inbox.InboundRecord;
import io.referrals.platform.inbox.Inbox;
import io.referrals.testing.PlatformTestResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The inbox's counts of applied and duplicate events, with an event repeated inside one poll and in a later one, and
 * its timers of how old events are when they arrive and when they are applied.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class InboxCountsTest {
    private static final String TYPE = EventTypes.REFERRAL_RECEIVED.cloudEventType();

    @Inject
    Inbox inbox;

    @Test
    void anEventTwiceInOnePollIsAppliedOnceAndCountedOnceAsADuplicate() {
        Events events = new Events("practice-" + UUID.randomUUID());
        CloudEvent event = events.received(
                UUID.randomUUID(), UUID.randomUUID(), ReferralChannel.API, Instant.parse("2026-03-01T10:00:00Z"), null);
        List<UUID> handled = new ArrayList<>();
        EventRouter router =
                new EventRouter().on(EventTypes.REFERRAL_RECEIVED, (e, data) -> handled.add(data.referralId()));
        double applied = count("applied");
        double duplicate = count("duplicate");

        assertEquals(1, inbox.consumeAll(List.of(record(event, 0), record(event, 1)), router));
        assertEquals(0, inbox.consumeAll(List.of(record(event, 0)), router));

        assertEquals(1, handled.size());
        assertEquals(applied + 1, count("applied"));
        assertEquals(duplicate + 2, count("duplicate"));
    }

    @Test
    void eachEventsAgeIsTimedWhenItsPollArrivesAndWhenItsEffectIsCommitted() {
        Events events = new Events("practice-" + UUID.randomUUID());
        CloudEvent event = events.received(
                UUID.randomUUID(), UUID.randomUUID(), ReferralChannel.API, Instant.parse("2026-03-01T10:00:00Z"), null);
        EventRouter router = new EventRouter().on(EventTypes.REFERRAL_RECEIVED, (e, data) -> {});
        long written = System.currentTimeMillis() - 3_000; // written to the topic three seconds ago
        double received = ageCount("received");
        double applied = ageCount("applied");

        inbox.consumeAll(List.of(record(event, 0, written), record(event, 1, written)), router);

        assertEquals(received + 2, ageCount("received"), "every record of the poll, the repeat too");
        assertEquals(applied + 1, ageCount("applied"), "the event applied, once");
        assertTrue(ageMax("applied") >= 3.0, "at least the three seconds since it was written");
    }

    private static InboundRecord record(CloudEvent event, long offset) {
        return record(event, offset, System.currentTimeMillis());
    }

    private static InboundRecord record(CloudEvent event, long offset, long timestamp) {
        return new InboundRecord(
                Topics.REFERRAL_EVENTS, 0, offset, event.subject(), EventCodec.encode(event), timestamp);
    }

    private static double ageCount(String stage) {
        return metric("inbox_event_age_seconds_count", stage);
    }

    private static double ageMax(String stage) {
        return metric("inbox_event_age_seconds_max", stage);
    }

    private static double metric(String name, String stage) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "\\{[^}]*stage=\"" + stage + "\"[^}]*} ([0-9.E]+)$")
                .matcher(given().get("/q/metrics").asString());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static double count(String outcome) {
        Matcher matcher = Pattern.compile("(?m)^inbox_events_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*type=\""
                        + Pattern.quote(TYPE) + "\"[^}]*} ([0-9.E]+)$")
                .matcher(given().get("/q/metrics").asString());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
