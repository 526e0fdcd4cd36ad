package io.referrals.referral.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.referrals.events.booking.BookingProvider;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.text.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads a provider's delivery into a {@link BookingNotice}, in the shapes their documentation gives. A body that is not
 * a JSON object, or a known trigger without the fields it needs, is a 400 naming the field; an unknown trigger is
 * ignored (answered 2xx, so that the provider does not retry it).
 */
@ApplicationScoped
public class BookingNoticeReader {
    @Inject
    ObjectMapper mapper;

    public BookingNotice read(BookingProvider provider, byte[] body) {
        JsonNode root = parse(body);
        return provider == BookingProvider.CALCOM ? calcom(root) : calendly(root);
    }

    /**
     * Cal.com: {@code {triggerEvent, createdAt, payload:{uid, startTime, endTime, attendees, metadata:{ref},
     * rescheduleUid, ...}}}.
     */
    private static BookingNotice calcom(JsonNode root) {
        String trigger = requiredText(root, "triggerEvent", "triggerEvent");
        JsonNode payload = root.get("payload");
        return switch (trigger) {
            case "BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED" -> {
                requireObject(payload, "payload");
                String uid = requiredText(payload, "uid", "payload.uid");
                Instant startsAt =
                        instant(requiredText(payload, "startTime", "payload.startTime"), "payload.startTime");
                Instant endsAt = optionalInstant(payload, "endTime", "payload.endTime");
                JsonNode attendee = payload.path("attendees").path(0);
                String previous = trigger.equals("BOOKING_RESCHEDULED")
                        ? firstText(payload, "rescheduleUid", "fromReschedule")
                        : null;
                BookingNotice.Kind kind = switch (trigger) {
                    case "BOOKING_CREATED" -> BookingNotice.Kind.CREATED;
                    case "BOOKING_RESCHEDULED" -> BookingNotice.Kind.RESCHEDULED;
                    default -> BookingNotice.Kind.CANCELLED;
                };
                yield new BookingNotice(
                        kind,
                        trigger + ":" + uid,
                        uid,
                        previous,
                        startsAt,
                        endsAt,
                        text(attendee, "name"),
                        text(attendee, "email"),
                        text(payload.path("metadata"), "ref"));
            }
            case "BOOKING_NO_SHOW_UPDATED" -> {
                requireObject(payload, "payload");
                String uid = firstText(payload, "bookingUid", "uid");
                if (uid == null) {
                    throw ProblemException.invalidField("payload.bookingUid", "is required");
                }
                boolean attendeeAbsent = false;
                for (JsonNode attendee : payload.path("attendees")) {
                    attendeeAbsent |= attendee.path("noShow").asBoolean(false);
                }
                // Only an attendee's no-show concerns the referral; the host's is the practice's own business.
                yield attendeeAbsent
                        ? new BookingNotice(
                                BookingNotice.Kind.NO_SHOW,
                                trigger + ":" + uid,
                                uid,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null)
                        : BookingNotice.ignored(null);
            }
            default -> BookingNotice.ignored(null);
        };
    }

    /**
     * Calendly: {@code {event, created_at, payload:{uri, email, name, tracking:{utm_content}, scheduled_event:
     * {start_time, end_time}, rescheduled, old_invitee, new_invitee}}}; a reschedule is a cancel with
     * {@code rescheduled: true} and a create with {@code old_invitee}, in either order.
     */
    private static BookingNotice calendly(JsonNode root) {
        String event = requiredText(root, "event", "event");
        JsonNode payload = root.get("payload");
        return switch (event) {
            case "invitee.created" -> {
                requireObject(payload, "payload");
                String uri = requiredText(payload, "uri", "payload.uri");
                JsonNode scheduled = payload.path("scheduled_event");
                Instant startsAt = instant(
                        requiredText(scheduled, "start_time", "payload.scheduled_event.start_time"),
                        "payload.scheduled_event.start_time");
                Instant endsAt = optionalInstant(scheduled, "end_time", "payload.scheduled_event.end_time");
                String old = text(payload, "old_invitee");
                yield new BookingNotice(
                        old == null ? BookingNotice.Kind.CREATED : BookingNotice.Kind.RESCHEDULED,
                        event + ":" + uri,
                        uri,
                        old,
                        startsAt,
                        endsAt,
                        text(payload, "name"),
                        text(payload, "email"),
                        text(payload.path("tracking"), "utm_content"));
            }
            case "invitee.canceled" -> {
                requireObject(payload, "payload");
                String uri = requiredText(payload, "uri", "payload.uri");
                // The create with old_invitee carries the move; remembering the key is all a reschedule's cancel does.
                yield payload.path("rescheduled").asBoolean(false)
                        ? BookingNotice.ignored(event + ":" + uri)
                        : new BookingNotice(
                                BookingNotice.Kind.CANCELLED,
                                event + ":" + uri,
                                uri,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null);
            }
            case "invitee_no_show.created" -> {
                requireObject(payload, "payload");
                String invitee = requiredText(payload, "invitee", "payload.invitee");
                yield new BookingNotice(
                        BookingNotice.Kind.NO_SHOW, event + ":" + invitee, invitee, null, null, null, null, null, null);
            }
            default -> BookingNotice.ignored(null);
        };
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode root = mapper.readTree(body == null ? new byte[0] : body);
            if (root == null || !root.isObject()) {
                throw ProblemException.invalidField("body", "must be a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw ProblemException.invalidField("body", "is not valid JSON");
        } catch (IOException e) {
            throw ProblemException.invalidField("body", "cannot be read");
        }
    }

    private static void requireObject(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw ProblemException.invalidField(field, "must be an object");
        }
    }

    private static String requiredText(JsonNode node, String name, String field) {
        String value = text(node, name);
        if (value == null) {
            throw ProblemException.invalidField(field, "is required");
        }
        return value;
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            String value = text(node, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** A text field's value, stripped; null when missing, blank or not text. */
    private static String text(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value == null || !value.isTextual()
                ? null
                : Text.blankToNull(value.asText().strip());
    }

    private static Instant optionalInstant(JsonNode node, String name, String field) {
        String value = text(node, name);
        return value == null ? null : instant(value, field);
    }

    private static Instant instant(String value, String field) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an ISO 8601 date and time with an offset");
        }
    }
}
