package io.referrals.events.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.referrals.events.CloudEvent;
import io.referrals.events.EventType;
import io.referrals.events.EventTypes;
import io.referrals.events.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the platform's AsyncAPI 3.0 document from the contracts themselves: one channel per topic, one message per
 * {@link EventType} (its payload schema from the record by {@link PayloadSchemas}), the producer's send operation and
 * each consumer's receive operation. {@code AsyncApiContractTest} fails when the committed document differs from
 * this one; {@code -Dasyncapi.write=true} on that test rewrites it.
 */
final class AsyncApiDocument {
    static final String PATH = "META-INF/asyncapi/referral-platform.yaml";

    /** The types each service routes (its consumers' {@code EventRouter} registrations), in topic order. */
    static final Map<String, List<EventType<?>>> CONSUMED = new LinkedHashMap<>();

    static {
        CONSUMED.put(
                "partner-service",
                List.of(
                        EventTypes.REFERRAL_RECEIVED,
                        EventTypes.REFERRAL_ATTRIBUTED,
                        EventTypes.REFERRAL_PLEASED_CHECK_IN_ANSWERED,
                        EventTypes.NOTIFICATION_SENT));
        CONSUMED.put(
                "referral-service",
                List.of(
                        EventTypes.PARTNER_CREATED,
                        EventTypes.PARTNER_UPDATED,
                        EventTypes.AGREEMENT_ACTIVATED,
                        EventTypes.AGREEMENT_ENDED,
                        EventTypes.PARTNER_PORTAL_ACCESS_CHANGED,
                        EventTypes.PARTNER_PORTAL_SESSION_ENDED,
                        EventTypes.CAMPAIGN_STARTED,
                        EventTypes.CAMPAIGN_ENDED,
                        EventTypes.CAMPAIGN_ASK_ASSIGNED,
                        EventTypes.REFERRAL_CONVERTED,
                        EventTypes.CAMPAIGN_ASK_SENT));
        CONSUMED.put(
                "metrics-service",
                List.of(
                        EventTypes.PARTNER_CREATED,
                        EventTypes.PARTNER_UPDATED,
                        EventTypes.PARTNER_STAGE_CHANGED,
                        EventTypes.PARTNER_ARCHIVED,
                        EventTypes.AGREEMENT_ACTIVATED,
                        EventTypes.AGREEMENT_ENDED,
                        EventTypes.TOUCHPOINT_LOGGED,
                        EventTypes.PRACTICE_PROFILE_UPDATED,
                        EventTypes.CAMPAIGN_STARTED,
                        EventTypes.CAMPAIGN_ENDED,
                        EventTypes.REFERRAL_RECEIVED,
                        EventTypes.REFERRAL_STATUS_CHANGED,
                        EventTypes.REFERRAL_CONVERTED,
                        EventTypes.REFERRAL_CLOSED,
                        EventTypes.REFERRAL_ATTRIBUTED,
                        EventTypes.REFERRAL_GIVEN,
                        EventTypes.REWARD_EARNED,
                        EventTypes.REWARD_PAID,
                        EventTypes.REFERRAL_ATTRIBUTED_TO_CAMPAIGN,
                        EventTypes.CAMPAIGN_ASK_SENT));
        CONSUMED.put(
                "notification-service",
                List.of(
                        EventTypes.PARTNER_CREATED,
                        EventTypes.PARTNER_UPDATED,
                        EventTypes.PARTNER_STAGE_CHANGED,
                        EventTypes.PARTNER_ARCHIVED,
                        EventTypes.TOUCHPOINT_LOGGED,
                        EventTypes.PRACTICE_PROFILE_UPDATED,
                        EventTypes.PARTNER_PORTAL_ACCESS_CHANGED,
                        EventTypes.PARTNER_PORTAL_SESSION_ENDED,
                        EventTypes.CAMPAIGN_ENDED,
                        EventTypes.PORTAL_SIGN_IN_LINK_ISSUED,
                        EventTypes.REFERRAL_RECEIVED,
                        EventTypes.REFERRAL_STATUS_CHANGED,
                        EventTypes.REFERRAL_CONVERTED,
                        EventTypes.REFERRAL_CLOSED,
                        EventTypes.REFERRAL_CONSENT_CHANGED,
                        EventTypes.REFERRAL_ATTRIBUTED,
                        EventTypes.REFERRAL_PLEASED_CHECK_IN_ANSWERED,
                        EventTypes.REFERRAL_BOOKING_CHANGED,
                        EventTypes.PERSON_ERASED,
                        EventTypes.REFERRAL_GIVEN,
                        EventTypes.REWARD_EARNED,
                        EventTypes.REWARD_PAID,
                        EventTypes.CAMPAIGN_LINK_ISSUED,
                        EventTypes.PARTNER_WENT_DORMANT,
                        EventTypes.PARTNER_REACTIVATED));
    }

    /** Consumer group of each service (mp.messaging.connector.smallrye-kafka.group.id). */
    static final Map<String, String> GROUP_IDS = Map.of(
            "partner-service", "partner-service",
            "referral-service", "referral-service",
            "metrics-service", "metrics-service-v2",
            "notification-service", "notification-service");

    /** What each type announces, and its record key (the CloudEvents subject) — the README's table, briefly. */
    private static final Map<EventType<?>, String[]> ABOUT = new LinkedHashMap<>();

    static {
        about(EventTypes.PARTNER_CREATED, "A partner (or referral source) was created.", "the partner id");
        about(EventTypes.PARTNER_UPDATED, "A partner's name, email, category or alliance changed.", "the partner id");
        about(
                EventTypes.PARTNER_STAGE_CHANGED,
                "A partner moved to another stage of the relationship.",
                "the partner id");
        about(EventTypes.PARTNER_ARCHIVED, "A partner was archived (or restored).", "the partner id");
        about(EventTypes.AGREEMENT_ACTIVATED, "A referral agreement with a partner took effect.", "the partner id");
        about(EventTypes.AGREEMENT_ENDED, "A referral agreement ended or was superseded.", "the partner id");
        about(
                EventTypes.TOUCHPOINT_LOGGED,
                "The practice logged a touchpoint with a partner (its note stays private).",
                "the partner id");
        about(
                EventTypes.PRACTICE_PROFILE_UPDATED,
                "The practice's time zone, goal or default check-in cadence changed.",
                "PracticeProfileUpdated.practiceKey(tenant): a name-based UUID of the practice");
        about(
                EventTypes.PARTNER_PORTAL_ACCESS_CHANGED,
                "A partner's portal access was granted or revoked.",
                "the partner id");
        about(
                EventTypes.PARTNER_PORTAL_SESSION_ENDED,
                "A portal session ended by signing out; services refuse it from then on.",
                "the partner id");
        about(
                EventTypes.PORTAL_SIGN_IN_LINK_ISSUED,
                "A one-use portal sign-in link for notification-service to mail (holds the link's secret).",
                "the partner id");
        about(
                EventTypes.REFERRAL_RECEIVED,
                "An inbound referral was recorded; never the referred person's contact details.",
                "the referral id");
        about(EventTypes.REFERRAL_CONVERTED, "A referral became a client.", "the referral id");
        about(EventTypes.REFERRAL_STATUS_CHANGED, "An inbound referral's status changed.", "the referral id");
        about(EventTypes.REFERRAL_CLOSED, "A referral was closed without becoming a client.", "the referral id");
        about(EventTypes.REFERRAL_CONSENT_CHANGED, "The referred person's consent changed.", "the referral id");
        about(
                EventTypes.REFERRAL_ATTRIBUTED,
                "The practice confirmed an unverified attribution to a partner.",
                "the referral id");
        about(EventTypes.REFERRAL_GIVEN, "The practice referred someone to a partner.", "the given-referral id");
        about(
                EventTypes.PERSON_ERASED,
                "A referred person's data was erased (one event per erased referral); no personal data.",
                "the referral id");
        about(EventTypes.REWARD_EARNED, "A partner earned a reward for a referral.", "the referral id");
        about(EventTypes.REWARD_PAID, "A reward was paid.", "the referral id");
        about(
                EventTypes.PARTNER_WENT_DORMANT,
                "A partner has been silent longer than their cadence (once per dormancy).",
                "the partner id");
        about(EventTypes.PARTNER_REACTIVATED, "A dormant partner became active again.", "the partner id");
        about(EventTypes.CAMPAIGN_STARTED, "A referral campaign began running.", "the campaign id");
        about(EventTypes.CAMPAIGN_ENDED, "A campaign ended.", "the campaign id");
        about(
                EventTypes.CAMPAIGN_ASK_ASSIGNED,
                "A partner was chosen for a campaign's ask, with their variant.",
                "the campaign id");
        about(
                EventTypes.REFERRAL_ATTRIBUTED_TO_CAMPAIGN,
                "A referral was attributed to a campaign (at most once per referral).",
                "the referral id");
        about(
                EventTypes.REFERRAL_PLEASED_CHECK_IN_ANSWERED,
                "The practice answered whether a referral's partner should be thanked and asked again.",
                "the referral id");
        about(
                EventTypes.CAMPAIGN_LINK_ISSUED,
                "A campaign link for notification-service to put in an ask (holds an intake link's secret).",
                "the campaign id");
        about(
                EventTypes.REFERRAL_BOOKING_CHANGED,
                "A booking of a referral's first session changed (booked, rescheduled, cancelled, …).",
                "the referral id (the booking id while unmatched or dismissed)");
        about(
                EventTypes.NOTIFICATION_SENT,
                "A notification reached the SMTP server; neither its address nor its text.",
                "the notification id");
        about(EventTypes.CAMPAIGN_ASK_SENT, "A campaign's ask reached the SMTP server.", "the campaign id");
    }

    private static void about(EventType<?> type, String summary, String key) {
        ABOUT.put(type, new String[] {summary, key});
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .build())
            .build();

    private AsyncApiDocument() {}

    /** The topics in the order of {@link EventTypes#ALL}. */
    static List<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        EventTypes.ALL.forEach(type -> topics.add(type.topic()));
        return List.copyOf(topics);
    }

    /** A channel's id: {@code partner.events} becomes {@code partnerEvents}. */
    static String channelId(String topic) {
        return camel(topic);
    }

    static String producer(String topic) {
        return Topics.source(topic).orElseThrow().substring(1);
    }

    static String yaml() {
        try {
            return YAML.writeValueAsString(build());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode build() {
        ObjectNode doc = JSON.objectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Referral platform events");
        info.put("version", "1.0.0");
        info.put("description", """
                The events the four services exchange through Kafka, each a CloudEvents 1.0 envelope in structured \
                JSON mode (the record value), keyed by its aggregate id. Generated from libs/event-contracts \
                (EventTypes and the payload records) and checked against them by AsyncApiContractTest; the \
                module's README explains each event's meaning and compatibility rules. A payload version gains \
                optional (nullable) fields without a new number: readers ignore fields they do not know, but not \
                enum values they do not know.""");
        info.putObject("license").put("name", "Proprietary");
        doc.put("defaultContentType", CloudEvent.STRUCTURED_CONTENT_TYPE);

        ObjectNode server = doc.putObject("servers").putObject("kafka");
        server.put("host", "{bootstrap}");
        server.put("protocol", "kafka");
        server.put("description", "The platform's Kafka cluster (KAFKA_BOOTSTRAP_SERVERS of each service).");
        ObjectNode bootstrap = server.putObject("variables").putObject("bootstrap");
        bootstrap.put("default", "localhost:9092");
        bootstrap.put("description", "A bootstrap broker, host:port.");

        ObjectNode channels = doc.putObject("channels");
        for (String topic : topics()) {
            ObjectNode channel = channels.putObject(channelId(topic));
            channel.put("address", topic);
            channel.put("title", topic);
            channel.put("description", channelDescription(topic));
            ObjectNode messages = channel.putObject("messages");
            for (EventType<?> type : typesOf(topic)) {
                messages.putObject(messageId(type)).put("$ref", "#/components/messages/" + messageId(type));
            }
            ObjectNode kafka = channel.putObject("bindings").putObject("kafka");
            kafka.put("topic", topic);
            kafka.putObject("topicConfiguration").put("retention.ms", Topics.retentionMs(topic));
            kafka.put("bindingVersion", "0.5.0");
        }

        ObjectNode operations = doc.putObject("operations");
        for (String topic : topics()) {
            String producer = producer(topic);
            ObjectNode send = operations.putObject(camel(producer) + "Sends" + capital(channelId(topic)));
            send.put("action", "send");
            send.putObject("channel").put("$ref", "#/channels/" + channelId(topic));
            send.put("summary", producer + " publishes through its outbox relay (acks=all).");
            send.putArray("tags").addObject().put("name", producer);
            messageRefs(send, topic, typesOf(topic));
        }
        CONSUMED.forEach((service, consumed) -> {
            for (String topic : topics()) {
                List<EventType<?>> read =
                        consumed.stream().filter(t -> t.topic().equals(topic)).toList();
                if (read.isEmpty()) {
                    continue;
                }
                ObjectNode receive = operations.putObject(camel(service) + "Receives" + capital(channelId(topic)));
                receive.put("action", "receive");
                receive.putObject("channel").put("$ref", "#/channels/" + channelId(topic));
                receive.put(
                        "summary",
                        service + " applies these types through its inbox; other types of the topic it skips, and an"
                                + " unreadable record goes to " + Topics.deadLetter(service) + ".");
                receive.putArray("tags").addObject().put("name", service);
                messageRefs(receive, topic, read);
                ObjectNode kafka = receive.putObject("bindings").putObject("kafka");
                ObjectNode group = kafka.putObject("groupId");
                group.put("type", "string");
                group.putArray("enum").add(GROUP_IDS.get(service));
                kafka.put("bindingVersion", "0.5.0");
            }
        });

        ObjectNode components = doc.putObject("components");
        PayloadSchemas schemas = new PayloadSchemas();
        ObjectNode messages = components.putObject("messages");
        for (EventType<?> type : EventTypes.ALL) {
            messages.set(messageId(type), message(type, schemas));
        }
        ObjectNode schemaNodes = components.putObject("schemas");
        schemaNodes.set("CloudEvent", envelope());
        schemas.all().forEach(schemaNodes::set);
        return doc;
    }

    /** A message's id: the CloudEvents type, e.g. {@code io.referrals.partner.created.v1}. */
    static String messageId(EventType<?> type) {
        return type.cloudEventType();
    }

    private static List<EventType<?>> typesOf(String topic) {
        return EventTypes.ALL.stream().filter(t -> t.topic().equals(topic)).toList();
    }

    private static void messageRefs(ObjectNode operation, String topic, List<EventType<?>> types) {
        ArrayNode refs = operation.putArray("messages");
        for (EventType<?> type : types) {
            refs.addObject().put("$ref", "#/channels/" + channelId(topic) + "/messages/" + messageId(type));
        }
    }

    private static ObjectNode message(EventType<?> type, PayloadSchemas schemas) {
        String[] about = ABOUT.get(type);
        if (about == null) {
            throw new IllegalStateException("No summary for " + type.name() + " in AsyncApiDocument.ABOUT");
        }
        ObjectNode message = JSON.objectNode();
        message.put("name", type.name());
        message.put("title", type.name() + " v" + type.version());
        message.put("summary", about[0]);
        message.put("contentType", CloudEvent.STRUCTURED_CONTENT_TYPE);

        ObjectNode headers = message.putObject("headers");
        headers.put("type", "object");
        headers.putArray("required").add("content-type").add("ce_type").add("ce_tenantid");
        ObjectNode headerProperties = headers.putObject("properties");
        headerProperties
                .putObject("content-type")
                .put("type", "string")
                .put("const", CloudEvent.STRUCTURED_CONTENT_TYPE);
        headerProperties.putObject("ce_type").put("type", "string").put("const", type.cloudEventType());
        headerProperties
                .putObject("ce_tenantid")
                .put("type", "string")
                .put("description", "The practice (tenant) id, as the envelope's tenantid.");
        headerProperties
                .putObject("traceparent")
                .put("type", "string")
                .put("description", "W3C Trace Context of the request that wrote the event, where tracing is on.");
        headerProperties
                .putObject("tracestate")
                .put("type", "string")
                .put("description", "W3C Trace Context vendor state, with traceparent.");

        ObjectNode payload = message.putObject("payload");
        ArrayNode allOf = payload.putArray("allOf");
        allOf.addObject().put("$ref", "#/components/schemas/CloudEvent");
        ObjectNode specific = allOf.addObject();
        specific.put("type", "object");
        ObjectNode properties = specific.putObject("properties");
        properties.putObject("type").put("type", "string").put("const", type.cloudEventType());
        properties
                .putObject("source")
                .put("type", "string")
                .put("const", Topics.source(type.topic()).orElseThrow());
        properties.putObject("subject").put("type", "string").put("description", "The record key: " + about[1] + ".");
        properties.putObject("data").put("$ref", "#/components/schemas/" + schemas.ref(type.dataClass()));

        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        ObjectNode key = kafka.putObject("key");
        key.put("type", "string");
        key.put("format", "uuid");
        key.put("description", about[1] + " (the envelope's subject): one aggregate's events stay in order.");
        kafka.put("bindingVersion", "0.5.0");
        return message;
    }

    /** The envelope's attributes (the {@link CloudEvent} record), every one written by the producers. */
    private static ObjectNode envelope() {
        ObjectNode schema = JSON.objectNode();
        schema.put("type", "object");
        schema.put(
                "description",
                "CloudEvents 1.0, structured JSON mode: the whole Kafka record value. tenantid is an extension"
                        + " attribute carrying the practice id.");
        ArrayNode required = schema.putArray("required");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("specversion").put("type", "string").put("const", CloudEvent.SPEC_VERSION);
        properties.putObject("id").put("type", "string").put("format", "uuid");
        properties.putObject("source").put("type", "string").put("description", "/<producing service>");
        properties
                .putObject("type")
                .put("type", "string")
                .put("description", "io.referrals.<name>.v<version>: the contract and its version.");
        properties.putObject("time").put("type", "string").put("format", "date-time");
        properties.putObject("subject").put("type", "string").put("description", "The aggregate id, the record key.");
        properties.putObject("tenantid").put("type", "string").put("description", "The practice (tenant) id.");
        properties.putObject("datacontenttype").put("type", "string").put("const", CloudEvent.JSON);
        properties.putObject("data").put("type", "object");
        properties.fieldNames().forEachRemaining(required::add);
        return schema;
    }

    private static String channelDescription(String topic) {
        String retention = Topics.retentionMs(topic) < 0
                ? "keeps its whole history"
                : "keeps a record " + (Topics.retentionMs(topic) / 3_600_000) + " hours";
        return "Written by " + producer(topic) + " alone; " + retention + ".";
    }

    private static String camel(String text) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : text.toCharArray()) {
            if (c == '.' || c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** For the test: every value of a tree, as a list, for searching. */
    static List<JsonNode> values(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        node.elements().forEachRemaining(out::add);
        return out;
    }
}
