package io.referrals.notification.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.referrals.events.CloudEvent;
import io.referrals.events.Consent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventType;
import io.referrals.events.EventTypes;
import io.referrals.events.Money;
import io.referrals.events.PartnerCategory;
import io.referrals.events.PartnerStage;
import io.referrals.events.ReferralChannel;
import io.referrals.events.ReferralStatus;
import io.referrals.events.RewardType;
import io.referrals.events.WireEnum;
import io.referrals.events.metrics.PartnerReactivated;
import io.referrals.events.metrics.PartnerWentDormant;
import io.referrals.events.partner.PartnerCreated;
import io.referrals.events.partner.PartnerStageChanged;
import io.referrals.events.referral.ReferralClosed;
import io.referrals.events.referral.ReferralConverted;
import io.referrals.events.referral.ReferralGiven;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.events.referral.ReferralStatusChanged;
import io.referrals.events.referral.Referrer;
import io.referrals.events.referral.RewardEarned;
import io.referrals.events.referral.RewardPaid;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The events a subscription can listen to: one entry per event, whose fields each hold both what
 * {@code GET /api/webhooks/event-types} says about them and how they are read from the internal event, so that a
 * field is never documented without being sent or sent without being documented. A payload lists its fields one by
 * one (never a copy of the internal event, so that a field added inside does not leak out), and carries only what the
 * referred person's consent allows the practice's integrations to see: never their contact details, and their name
 * only under consent {@code outcome}.
 */
public final class WebhookCatalogue {
    /** The event {@code POST /api/webhooks/{id}/test} sends; not subscribable. */
    public static final String TEST_EVENT = "webhook.test";

    public static final String SOURCE = "/notification-service/webhooks";

    private static final boolean REQUIRED = false;
    private static final boolean NULLABLE = true;

    /**
     * One field of a payload: as {@code GET /api/webhooks/event-types} describes it (JSON Schema terms), and how its
     * value is read from the internal event {@code E}.
     */
    public record Field<E>(
            String name,
            String type,
            String format,
            boolean nullable,
            String description,
            Function<? super E, JsonNode> value) {

        /** The field's value in the payload; a required field is never null. */
        JsonNode read(E event) {
            JsonNode read = value.apply(event);
            if (read.isNull() && !nullable) {
                throw new NullPointerException("webhook field " + name);
            }
            return read;
        }
    }

    /** One subscribable event: its name, the internal event it maps, its fields, and a sample of that event. */
    public record Entry<E>(
            String name,
            String description,
            EventType<E> type,
            Function<? super E, UUID> referralId,
            List<Field<E>> fields,
            E sample) {

        /** The payload an endpoint receives for {@code event}: each field, in order, read from it. */
        public ObjectNode data(E event) {
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            for (Field<E> field : fields) {
                data.set(field.name(), field.read(event));
            }
            return data;
        }

        /** The payload of the sample event. */
        public ObjectNode sampleData() {
            return data(sample);
        }

        /** The payload's JSON Schema. */
        public ObjectNode schema() {
            ObjectNode schema = JsonNodeFactory.instance.objectNode();
            schema.put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            var required = schema.putArray("required");
            for (Field<E> field : fields) {
                ObjectNode property = properties.putObject(field.name());
                if (field.nullable()) {
                    property.putArray("type").add(field.type()).add("null");
                } else {
                    property.put("type", field.type());
                    required.add(field.name());
                }
                if (field.format() != null) {
                    property.put("format", field.format());
                }
                property.put("description", field.description());
            }
            return schema;
        }

        Mapped map(E event) {
            return new Mapped(name, referralId.apply(event), data(event));
        }
    }

    /** An event as an endpoint receives it: its catalogue name, the referral it is about (if any), its data. */
    public record Mapped(String name, UUID referralId, ObjectNode data) {}

    private static final Map<String, Entry<?>> BY_NAME = new LinkedHashMap<>();
    private static final Map<EventType<?>, Entry<?>> BY_TYPE = new LinkedHashMap<>();

    private static final UUID SAMPLE_REFERRAL = UUID.fromString("6f1c2a4e-8b1d-4c3e-9a57-2d0e6b4f1a90");
    private static final UUID SAMPLE_PARTNER = UUID.fromString("0b7e5d2c-3f4a-4e61-8c9d-5a2b1e7f3c48");
    private static final UUID SAMPLE_REWARD = UUID.fromString("3e8a5c1d-7b2f-4d9e-a6c3-8f1b4e2d7a50");
    private static final Instant SAMPLE_TIME = Instant.parse("2026-11-23T15:27:15.631076Z");
    private static final Money SAMPLE_VALUE = new Money(new BigDecimal("1500.00"), "USD");
    private static final Money SAMPLE_REWARD_AMOUNT = new Money(new BigDecimal("150.00"), "USD");

    static {
        event("referral.received", EventTypes.REFERRAL_RECEIVED)
                .describedAs("A referral came in (from a partner, or through an intake link).")
                .aboutReferral(ReferralReceived::referralId)
                .uuid("referralId", REQUIRED, "The referral", ReferralReceived::referralId)
                .uuid(
                        "partnerId",
                        NULLABLE,
                        "The referring partner; null while an intake-link attribution is unverified",
                        e -> e.referrer().partnerId())
                .text(
                        "referrerName",
                        REQUIRED,
                        "The referrer's name",
                        e -> e.referrer().name())
                // Integrations hear the person's name only when they allowed the outcome to be shared.
                .text(
                        "referredName",
                        NULLABLE,
                        "The referred person's name: only under consent `outcome`",
                        e -> e.consent().allows(Consent.OUTCOME) ? e.nameAllowed() : null)
                .wire(
                        "consent",
                        REQUIRED,
                        "What the referred person allows: none, contact_made, outcome",
                        ReferralReceived::consent)
                .wire(
                        "channel",
                        REQUIRED,
                        "api or intake_link",
                        e -> e.channel() == null ? ReferralChannel.API : e.channel())
                .text(
                        "attribution",
                        REQUIRED,
                        "verified, or unverified until the practice confirms it",
                        e -> e.unverified() ? "unverified" : "verified")
                .time("receivedAt", REQUIRED, "When it was received", ReferralReceived::receivedAt)
                .time(
                        "firstContactDueAt",
                        NULLABLE,
                        "When the practice should have contacted the person",
                        ReferralReceived::firstContactDueAt)
                .sample(new ReferralReceived(
                        SAMPLE_REFERRAL,
                        new Referrer(SAMPLE_PARTNER, "Jordan Blake", "jordan@blakecoaching.example"),
                        "Riley Moss",
                        Consent.OUTCOME,
                        SAMPLE_TIME,
                        ReferralChannel.API,
                        SAMPLE_TIME.plusSeconds(86_400)));

        event("referral.status_changed", EventTypes.REFERRAL_STATUS_CHANGED)
                .describedAs("A referral moved to another status.")
                .aboutReferral(ReferralStatusChanged::referralId)
                .uuid("referralId", REQUIRED, "The referral", ReferralStatusChanged::referralId)
                .uuid(
                        "partnerId",
                        NULLABLE,
                        "The referring partner (null while unverified)",
                        ReferralStatusChanged::partnerId)
                .wire("from", REQUIRED, "The status before", ReferralStatusChanged::from)
                .wire("to", REQUIRED, "The status now", ReferralStatusChanged::to)
                .wire("consent", REQUIRED, "The referred person's consent now", ReferralStatusChanged::consent)
                .time("changedAt", REQUIRED, "When", ReferralStatusChanged::at)
                .sample(new ReferralStatusChanged(
                        SAMPLE_REFERRAL,
                        SAMPLE_PARTNER,
                        ReferralStatus.RECEIVED,
                        ReferralStatus.CONTACTED,
                        Consent.OUTCOME,
                        SAMPLE_TIME));

        event("referral.converted", EventTypes.REFERRAL_CONVERTED)
                .describedAs("A referred person became a client.")
                .aboutReferral(ReferralConverted::referralId)
                .uuid("referralId", REQUIRED, "The referral", ReferralConverted::referralId)
                .uuid(
                        "partnerId",
                        NULLABLE,
                        "The referring partner (null while unverified)",
                        ReferralConverted::partnerId)
                .money("programValue", REQUIRED, "What the program is worth", ReferralConverted::programValue)
                .time("receivedAt", REQUIRED, "When the referral was received", ReferralConverted::receivedAt)
                .time("convertedAt", REQUIRED, "When it converted", ReferralConverted::convertedAt)
                .sample(new ReferralConverted(
                        SAMPLE_REFERRAL, SAMPLE_PARTNER, SAMPLE_VALUE, SAMPLE_TIME, SAMPLE_TIME.plusSeconds(3600)));

        event("referral.closed", EventTypes.REFERRAL_CLOSED)
                .describedAs("A referral ended without a conversion.")
                .aboutReferral(ReferralClosed::referralId)
                .uuid("referralId", REQUIRED, "The referral", ReferralClosed::referralId)
                .uuid("partnerId", NULLABLE, "The referring partner (null while unverified)", ReferralClosed::partnerId)
                .wire("outcome", REQUIRED, "not_a_fit, declined or no_response", ReferralClosed::outcome)
                .wire("consent", REQUIRED, "The referred person's consent", ReferralClosed::consent)
                .time("receivedAt", REQUIRED, "When the referral was received", ReferralClosed::receivedAt)
                .time("closedAt", REQUIRED, "When it closed", ReferralClosed::closedAt)
                .sample(new ReferralClosed(
                        SAMPLE_REFERRAL,
                        SAMPLE_PARTNER,
                        ReferralStatus.DECLINED,
                        Consent.CONTACT_MADE,
                        SAMPLE_TIME,
                        SAMPLE_TIME.plusSeconds(3600)));

        event("referral.given", EventTypes.REFERRAL_GIVEN)
                .describedAs("The practice referred someone to a partner (no name, no contact details).")
                .uuid("givenId", REQUIRED, "The referral given", ReferralGiven::givenId)
                .uuid("partnerId", REQUIRED, "The partner it went to", ReferralGiven::partnerId)
                .date("givenOn", REQUIRED, "The day", ReferralGiven::givenOn)
                .money("estimatedValue", NULLABLE, "What it may be worth to the partner", ReferralGiven::estimatedValue)
                .sample(new ReferralGiven(
                        UUID.fromString("9d3b1f6a-2c4e-4a7b-8e5d-1f0c3a6b9e27"),
                        SAMPLE_PARTNER,
                        LocalDate.parse("2026-11-23"),
                        SAMPLE_VALUE));

        event("reward.earned", EventTypes.REWARD_EARNED)
                .describedAs("A partner earned a reward (a fee, a discount, a donation ...) for a referral.")
                .aboutReferral(RewardEarned::referralId)
                .uuid("rewardId", REQUIRED, "The reward", RewardEarned::rewardId)
                .uuid("referralId", REQUIRED, "The referral it is for", RewardEarned::referralId)
                .uuid("partnerId", REQUIRED, "The partner", RewardEarned::partnerId)
                .wire(
                        "type",
                        REQUIRED,
                        "referral_fee, flat_fee, revenue_share, client_discount, ...",
                        RewardEarned::type)
                .money("amount", NULLABLE, "The amount, when it is money", RewardEarned::amount)
                .uuid("agreementId", NULLABLE, "The agreement it follows from", RewardEarned::agreementId)
                .time("earnedAt", REQUIRED, "When", RewardEarned::earnedAt)
                .sample(new RewardEarned(
                        SAMPLE_REWARD,
                        SAMPLE_REFERRAL,
                        SAMPLE_PARTNER,
                        RewardType.REFERRAL_FEE,
                        SAMPLE_REWARD_AMOUNT,
                        UUID.fromString("5c2d8e1f-4a3b-4c7d-9e6f-0a1b2c3d4e5f"),
                        SAMPLE_TIME));

        event("reward.paid", EventTypes.REWARD_PAID)
                .describedAs("A reward was paid out.")
                .aboutReferral(RewardPaid::referralId)
                .uuid("rewardId", REQUIRED, "The reward", RewardPaid::rewardId)
                .uuid("referralId", NULLABLE, "The referral it was for", RewardPaid::referralId)
                .uuid("partnerId", REQUIRED, "The partner", RewardPaid::partnerId)
                .money("amount", NULLABLE, "The amount paid", RewardPaid::amount)
                .time("paidAt", REQUIRED, "When", RewardPaid::paidAt)
                .sample(new RewardPaid(
                        SAMPLE_REWARD, SAMPLE_REFERRAL, SAMPLE_PARTNER, SAMPLE_REWARD_AMOUNT, SAMPLE_TIME));

        event("partner.created", EventTypes.PARTNER_CREATED)
                .describedAs("A referral partner or source was added.")
                .uuid("partnerId", REQUIRED, "The partner", PartnerCreated::partnerId)
                .text("name", REQUIRED, "Its name", PartnerCreated::name)
                .text("email", NULLABLE, "Its address", PartnerCreated::email)
                .wire("category", REQUIRED, "colleague, professional, client, ...", PartnerCreated::category)
                .wire(
                        "stage",
                        REQUIRED,
                        "Its relationship stage",
                        e -> e.stage() == null ? PartnerStage.IDENTIFIED : e.stage())
                .bool(
                        "candidate",
                        "Created from a referral by someone not yet known",
                        e -> Boolean.TRUE.equals(e.candidate()))
                .time("createdAt", NULLABLE, "When", PartnerCreated::createdAt)
                .sample(new PartnerCreated(
                        SAMPLE_PARTNER,
                        "Jordan Blake",
                        "jordan@blakecoaching.example",
                        PartnerCategory.COLLEAGUE,
                        SAMPLE_TIME,
                        null,
                        PartnerStage.IDENTIFIED,
                        null,
                        false));

        event("partner.stage_changed", EventTypes.PARTNER_STAGE_CHANGED)
                .describedAs("A partner's relationship moved to another stage.")
                .uuid("partnerId", REQUIRED, "The partner", PartnerStageChanged::partnerId)
                .wire("from", NULLABLE, "The stage before", PartnerStageChanged::from)
                .wire("to", REQUIRED, "The stage now", PartnerStageChanged::to)
                .text("reason", NULLABLE, "Why, when the relationship ended", PartnerStageChanged::reason)
                .time("changedAt", REQUIRED, "When", PartnerStageChanged::changedAt)
                .sample(new PartnerStageChanged(
                        SAMPLE_PARTNER, PartnerStage.IDENTIFIED, PartnerStage.REACHED_OUT, null, SAMPLE_TIME));

        event("partner.dormant", EventTypes.PARTNER_WENT_DORMANT)
                .describedAs("A partner has gone quiet for longer than its check-in cadence.")
                .uuid("partnerId", REQUIRED, "The partner", PartnerWentDormant::partnerId)
                .time("lastActivityAt", REQUIRED, "Its last referral or touchpoint", PartnerWentDormant::lastActivityAt)
                .integer("silentDays", "Days since then", PartnerWentDormant::silentDays)
                .integer("cadenceDays", "Its check-in cadence", PartnerWentDormant::cadenceDays)
                .time("detectedAt", REQUIRED, "When it was noticed", PartnerWentDormant::detectedAt)
                .sample(new PartnerWentDormant(
                        SAMPLE_PARTNER, SAMPLE_TIME.minusSeconds(86_400L * 45), 45, 30, SAMPLE_TIME));

        event("partner.reactivated", EventTypes.PARTNER_REACTIVATED)
                .describedAs("A dormant partner is active again.")
                .uuid("partnerId", REQUIRED, "The partner", PartnerReactivated::partnerId)
                .time("dormantSince", REQUIRED, "When it went dormant", PartnerReactivated::dormantSince)
                .time("reactivatedAt", REQUIRED, "When it came back", PartnerReactivated::reactivatedAt)
                .sample(new PartnerReactivated(SAMPLE_PARTNER, SAMPLE_TIME.minusSeconds(86_400L * 10), SAMPLE_TIME));
    }

    private WebhookCatalogue() {}

    public static List<Entry<?>> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static Optional<Entry<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** What an endpoint receives for an internal event, or empty if no subscription can want it. */
    public static <T> Optional<Mapped> map(EventType<T> type, T data) {
        @SuppressWarnings("unchecked") // BY_TYPE holds each type's own entry
        Entry<T> entry = (Entry<T>) BY_TYPE.get(type);
        return entry == null ? Optional.empty() : Optional.of(entry.map(data));
    }

    /** The sample a Zap shows while it is built: the CloudEvent as it would arrive. */
    public static ObjectNode sample(Entry<?> entry) {
        return envelope(
                "2f9d7c1e-5b3a-4e8f-9c6d-1a2b3c4d5e6f",
                "/referral-service",
                entry.name(),
                SAMPLE_TIME,
                "demo-practice",
                entry.sampleData());
    }

    /** The structured CloudEvent an endpoint receives. */
    public static ObjectNode envelope(
            String id, String source, String name, Instant time, String tenantId, JsonNode data) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("specversion", CloudEvent.SPEC_VERSION);
        event.put("id", id);
        event.put("source", source);
        event.put("type", name);
        event.put("time", time.toString());
        event.put("tenantid", tenantId);
        event.put("datacontenttype", CloudEvent.JSON);
        event.set("data", data);
        return event;
    }

    /** A person's name taken out of a payload (their erasure): what is left of the data. */
    public static boolean eraseName(ObjectNode data) {
        if (data.hasNonNull("referredName")) {
            data.putNull("referredName");
            return true;
        }
        return false;
    }

    private static <E> Definition<E> event(String name, EventType<E> type) {
        return new Definition<>(name, type);
    }

    /** An entry being defined: its description, the referral it is about, its fields in order, then its sample. */
    private static final class Definition<E> {
        private final String name;
        private final EventType<E> type;
        private final List<Field<E>> fields = new ArrayList<>();
        private String description;
        private Function<? super E, UUID> referralId = event -> null;

        Definition(String name, EventType<E> type) {
            this.name = name;
            this.type = type;
        }

        Definition<E> describedAs(String description) {
            this.description = description;
            return this;
        }

        Definition<E> aboutReferral(Function<? super E, UUID> referralId) {
            this.referralId = referralId;
            return this;
        }

        Definition<E> uuid(String name, boolean nullable, String description, Function<? super E, UUID> value) {
            return field(name, "string", "uuid", nullable, description, e -> textNode(value.apply(e)));
        }

        Definition<E> text(String name, boolean nullable, String description, Function<? super E, String> value) {
            return field(name, "string", null, nullable, description, e -> textNode(value.apply(e)));
        }

        Definition<E> wire(
                String name, boolean nullable, String description, Function<? super E, ? extends WireEnum> value) {
            return field(name, "string", null, nullable, description, e -> {
                WireEnum read = value.apply(e);
                return read == null ? NullNode.getInstance() : TextNode.valueOf(read.json());
            });
        }

        Definition<E> time(String name, boolean nullable, String description, Function<? super E, Instant> value) {
            return field(name, "string", "date-time", nullable, description, e -> textNode(value.apply(e)));
        }

        Definition<E> date(String name, boolean nullable, String description, Function<? super E, LocalDate> value) {
            return field(name, "string", "date", nullable, description, e -> textNode(value.apply(e)));
        }

        Definition<E> money(String name, boolean nullable, String description, Function<? super E, Money> value) {
            return field(
                    name,
                    "object",
                    null,
                    nullable,
                    description + ": {amount (a decimal string), currency}",
                    e -> moneyNode(value.apply(e)));
        }

        Definition<E> integer(String name, String description, Function<? super E, Integer> value) {
            return field(name, "integer", null, REQUIRED, description, e -> IntNode.valueOf(value.apply(e)));
        }

        Definition<E> bool(String name, String description, Function<? super E, Boolean> value) {
            return field(name, "boolean", null, REQUIRED, description, e -> BooleanNode.valueOf(value.apply(e)));
        }

        /** Completes the entry with a sample of the internal event, and adds it to the catalogue. */
        void sample(E sample) {
            Entry<E> entry = new Entry<>(name, description, type, referralId, List.copyOf(fields), sample);
            BY_NAME.put(name, entry);
            BY_TYPE.put(type, entry);
        }

        private Definition<E> field(
                String name,
                String type,
                String format,
                boolean nullable,
                String description,
                Function<? super E, JsonNode> value) {
            fields.add(new Field<>(name, type, format, nullable, description, value));
            return this;
        }

        private static JsonNode textNode(Object value) {
            return value == null ? NullNode.getInstance() : TextNode.valueOf(value.toString());
        }

        private static JsonNode moneyNode(Money money) {
            return money == null ? NullNode.getInstance() : EventCodec.mapper().valueToTree(money);
        }
    }
}
