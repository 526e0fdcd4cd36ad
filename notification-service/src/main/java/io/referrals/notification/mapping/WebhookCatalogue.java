package io.referrals.notification.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * The events a subscription can listen to, each with its payload's fields and a sample, and the one mapping from an
 * internal event to what an endpoint receives. A payload lists its fields one by one (never a copy of the internal
 * event, so that a field added inside does not leak out), and carries only what the referred person's consent allows
 * the practice's integrations to see: never their contact details, and their name only under consent
 * {@code outcome}.
 */
public final class WebhookCatalogue {
    /** The event {@code POST /api/webhooks/{id}/test} sends; not subscribable. */
    public static final String TEST_EVENT = "webhook.test";

    public static final String SOURCE = "/notification-service/webhooks";

    /** One field of a payload, as {@code GET /api/webhooks/event-types} describes it (JSON Schema terms). */
    public record Field(String name, String type, String format, boolean nullable, String description) {}

    public record Entry(String name, String description, List<Field> fields, ObjectNode sampleData) {
        /** The payload's JSON Schema. */
        public ObjectNode schema() {
            ObjectNode schema = JsonNodeFactory.instance.objectNode();
            schema.put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            var required = schema.putArray("required");
            for (Field field : fields) {
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
    }

    /** An event as an endpoint receives it: its catalogue name, the referral it is about (if any), its data. */
    public record Mapped(String name, UUID referralId, ObjectNode data) {}

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    private static final UUID SAMPLE_REFERRAL = UUID.fromString("6f1c2a4e-8b1d-4c3e-9a57-2d0e6b4f1a90");
    private static final UUID SAMPLE_PARTNER = UUID.fromString("0b7e5d2c-3f4a-4e61-8c9d-5a2b1e7f3c48");
    private static final Instant SAMPLE_TIME = Instant.parse("2026-11-23T15:27:15.631076Z");
    private static final Money SAMPLE_VALUE = new Money(new BigDecimal("1500.00"), "USD");

    static {
        add(
                "referral.received",
                "A referral came in (from a partner, or through an intake link).",
                List.of(
                        uuid("referralId", false, "The referral"),
                        uuid(
                                "partnerId",
                                true,
                                "The referring partner; null while an intake-link attribution is" + " unverified"),
                        text("referrerName", false, "The referrer's name"),
                        text("referredName", true, "The referred person's name: only under consent `outcome`"),
                        text("consent", false, "What the referred person allows: none, contact_made, outcome"),
                        text("channel", false, "api or intake_link"),
                        text("attribution", false, "verified, or unverified until the practice confirms it"),
                        time("receivedAt", false, "When it was received"),
                        time("firstContactDueAt", true, "When the practice should have contacted the person")),
                sampleOf(
                        EventTypes.REFERRAL_RECEIVED,
                        new ReferralReceived(
                                SAMPLE_REFERRAL,
                                new Referrer(SAMPLE_PARTNER, "Jordan Blake", "jordan@blakecoaching.example"),
                                "Riley Moss",
                                Consent.OUTCOME,
                                SAMPLE_TIME,
                                ReferralChannel.API,
                                SAMPLE_TIME.plusSeconds(86_400))));
        add(
                "referral.status_changed",
                "A referral moved to another status.",
                List.of(
                        uuid("referralId", false, "The referral"),
                        uuid("partnerId", true, "The referring partner (null while unverified)"),
                        text("from", false, "The status before"),
                        text("to", false, "The status now"),
                        text("consent", false, "The referred person's consent now"),
                        time("changedAt", false, "When")),
                sampleOf(
                        EventTypes.REFERRAL_STATUS_CHANGED,
                        new ReferralStatusChanged(
                                SAMPLE_REFERRAL,
                                SAMPLE_PARTNER,
                                ReferralStatus.RECEIVED,
                                ReferralStatus.CONTACTED,
                                Consent.OUTCOME,
                                SAMPLE_TIME)));
        add(
                "referral.converted",
                "A referred person became a client.",
                List.of(
                        uuid("referralId", false, "The referral"),
                        uuid("partnerId", true, "The referring partner (null while unverified)"),
                        money("programValue", false, "What the program is worth"),
                        time("receivedAt", false, "When the referral was received"),
                        time("convertedAt", false, "When it converted")),
                sampleOf(
                        EventTypes.REFERRAL_CONVERTED,
                        new ReferralConverted(
                                SAMPLE_REFERRAL,
                                SAMPLE_PARTNER,
                                SAMPLE_VALUE,
                                SAMPLE_TIME,
                                SAMPLE_TIME.plusSeconds(3600))));
        add(
                "referral.closed",
                "A referral ended without a conversion.",
                List.of(
                        uuid("referralId", false, "The referral"),
                        uuid("partnerId", true, "The referring partner (null while unverified)"),
                        text("outcome", false, "not_a_fit, declined or no_response"),
                        text("consent", false, "The referred person's consent"),
                        time("receivedAt", false, "When the referral was received"),
                        time("closedAt", false, "When it closed")),
                sampleOf(
                        EventTypes.REFERRAL_CLOSED,
                        new ReferralClosed(
                                SAMPLE_REFERRAL,
                                SAMPLE_PARTNER,
                                ReferralStatus.DECLINED,
                                Consent.CONTACT_MADE,
                                SAMPLE_TIME,
                                SAMPLE_TIME.plusSeconds(3600))));
        add(
                "referral.given",
                "The practice referred someone to a partner (no name, no contact details).",
                List.of(
                        uuid("givenId", false, "The referral given"),
                        uuid("partnerId", false, "The partner it went to"),
                        date("givenOn", false, "The day"),
                        money("estimatedValue", true, "What it may be worth to the partner")),
                sampleOf(
                        EventTypes.REFERRAL_GIVEN,
                        new ReferralGiven(
                                UUID.fromString("9d3b1f6a-2c4e-4a7b-8e5d-1f0c3a6b9e27"),
                                SAMPLE_PARTNER,
                                LocalDate.parse("2026-11-23"),
                                SAMPLE_VALUE)));
        add(
                "reward.earned",
                "A partner earned a reward (a fee, a discount, a donation ...) for a referral.",
                List.of(
                        uuid("rewardId", false, "The reward"),
                        uuid("referralId", false, "The referral it is for"),
                        uuid("partnerId", false, "The partner"),
                        text("type", false, "referral_fee, flat_fee, revenue_share, client_discount, ..."),
                        money("amount", true, "The amount, when it is money"),
                        uuid("agreementId", true, "The agreement it follows from"),
                        time("earnedAt", false, "When")),
                sampleOf(
                        EventTypes.REWARD_EARNED,
                        new RewardEarned(
                                UUID.fromString("3e8a5c1d-7b2f-4d9e-a6c3-8f1b4e2d7a50"),
                                SAMPLE_REFERRAL,
                                SAMPLE_PARTNER,
                                RewardType.REFERRAL_FEE,
                                new Money(new BigDecimal("150.00"), "USD"),
                                UUID.fromString("5c2d8e1f-4a3b-4c7d-9e6f-0a1b2c3d4e5f"),
                                SAMPLE_TIME)));
        add(
                "reward.paid",
                "A reward was paid out.",
                List.of(
                        uuid("rewardId", false, "The reward"),
                        uuid("referralId", true, "The referral it was for"),
                        uuid("partnerId", false, "The partner"),
                        money("amount", true, "The amount paid"),
                        time("paidAt", false, "When")),
                sampleOf(
                        EventTypes.REWARD_PAID,
                        new RewardPaid(
                                UUID.fromString("3e8a5c1d-7b2f-4d9e-a6c3-8f1b4e2d7a50"),
                                SAMPLE_REFERRAL,
                                SAMPLE_PARTNER,
                                new Money(new BigDecimal("150.00"), "USD"),
                                SAMPLE_TIME)));
        add(
                "partner.created",
                "A referral partner or source was added.",
                List.of(
                        uuid("partnerId", false, "The partner"),
                        text("name", false, "Its name"),
                        text("email", true, "Its address"),
                        text("category", false, "colleague, professional, client, ..."),
                        text("stage", false, "Its relationship stage"),
                        field("candidate", "boolean", null, false, "Created from a referral by someone not yet known"),
                        time("createdAt", true, "When")),
                sampleOf(
                        EventTypes.PARTNER_CREATED,
                        new PartnerCreated(
                                SAMPLE_PARTNER,
                                "Jordan Blake",
                                "jordan@blakecoaching.example",
                                PartnerCategory.COLLEAGUE,
                                SAMPLE_TIME,
                                null,
                                PartnerStage.IDENTIFIED,
                                null,
                                false)));
        add(
                "partner.stage_changed",
                "A partner's relationship moved to another stage.",
                List.of(
                        uuid("partnerId", false, "The partner"),
                        text("from", true, "The stage before"),
                        text("to", false, "The stage now"),
                        text("reason", true, "Why, when the relationship ended"),
                        time("changedAt", false, "When")),
                sampleOf(
                        EventTypes.PARTNER_STAGE_CHANGED,
                        new PartnerStageChanged(
                                SAMPLE_PARTNER, PartnerStage.IDENTIFIED, PartnerStage.REACHED_OUT, null, SAMPLE_TIME)));
        add(
                "partner.dormant",
                "A partner has gone quiet for longer than its check-in cadence.",
                List.of(
                        uuid("partnerId", false, "The partner"),
                        time("lastActivityAt", false, "Its last referral or touchpoint"),
                        field("silentDays", "integer", null, false, "Days since then"),
                        field("cadenceDays", "integer", null, false, "Its check-in cadence"),
                        time("detectedAt", false, "When it was noticed")),
                sampleOf(
                        EventTypes.PARTNER_WENT_DORMANT,
                        new PartnerWentDormant(
                                SAMPLE_PARTNER, SAMPLE_TIME.minusSeconds(86_400L * 45), 45, 30, SAMPLE_TIME)));
        add(
                "partner.reactivated",
                "A dormant partner is active again.",
                List.of(
                        uuid("partnerId", false, "The partner"),
                        time("dormantSince", false, "When it went dormant"),
                        time("reactivatedAt", false, "When it came back")),
                sampleOf(
                        EventTypes.PARTNER_REACTIVATED,
                        new PartnerReactivated(SAMPLE_PARTNER, SAMPLE_TIME.minusSeconds(86_400L * 10), SAMPLE_TIME)));
    }

    private WebhookCatalogue() {}

    public static List<Entry> all() {
        return List.copyOf(ENTRIES.values());
    }

    public static Optional<Entry> byName(String name) {
        return Optional.ofNullable(ENTRIES.get(name));
    }

    /** What an endpoint receives for an internal event, or empty if no subscription can want it. */
    public static <T> Optional<Mapped> map(EventType<T> type, T data) {
        return Optional.ofNullable(mapOrNull(type, data));
    }

    /** The sample a Zap shows while it is built: the CloudEvent as it would arrive. */
    public static ObjectNode sample(Entry entry) {
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

    private static Mapped mapOrNull(EventType<?> type, Object data) {
        if (type == EventTypes.REFERRAL_RECEIVED) {
            ReferralReceived e = (ReferralReceived) data;
            // Integrations hear the person's name only when they allowed the outcome to be shared.
            String name = e.consent().allows(Consent.OUTCOME) ? e.nameAllowed() : null;
            return new Mapped(
                    "referral.received",
                    e.referralId(),
                    object().put("referralId", e.referralId().toString())
                            .put("partnerId", text(e.referrer().partnerId()))
                            .put("referrerName", e.referrer().name())
                            .put("referredName", name)
                            .put("consent", e.consent().json())
                            .put("channel", (e.channel() == null ? ReferralChannel.API : e.channel()).json())
                            .put("attribution", e.unverified() ? "unverified" : "verified")
                            .put("receivedAt", e.receivedAt().toString())
                            .put("firstContactDueAt", text(e.firstContactDueAt())));
        }
        if (type == EventTypes.REFERRAL_STATUS_CHANGED) {
            ReferralStatusChanged e = (ReferralStatusChanged) data;
            return new Mapped(
                    "referral.status_changed",
                    e.referralId(),
                    object().put("referralId", e.referralId().toString())
                            .put("partnerId", text(e.partnerId()))
                            .put("from", e.from().json())
                            .put("to", e.to().json())
                            .put("consent", e.consent().json())
                            .put("changedAt", e.at().toString()));
        }
        if (type == EventTypes.REFERRAL_CONVERTED) {
            ReferralConverted e = (ReferralConverted) data;
            ObjectNode out =
                    object().put("referralId", e.referralId().toString()).put("partnerId", text(e.partnerId()));
            out.set("programValue", money(e.programValue()));
            out.put("receivedAt", e.receivedAt().toString())
                    .put("convertedAt", e.convertedAt().toString());
            return new Mapped("referral.converted", e.referralId(), out);
        }
        if (type == EventTypes.REFERRAL_CLOSED) {
            ReferralClosed e = (ReferralClosed) data;
            return new Mapped(
                    "referral.closed",
                    e.referralId(),
                    object().put("referralId", e.referralId().toString())
                            .put("partnerId", text(e.partnerId()))
                            .put("outcome", e.outcome().json())
                            .put("consent", e.consent().json())
                            .put("receivedAt", e.receivedAt().toString())
                            .put("closedAt", e.closedAt().toString()));
        }
        if (type == EventTypes.REFERRAL_GIVEN) {
            ReferralGiven e = (ReferralGiven) data;
            ObjectNode out = object().put("givenId", e.givenId().toString())
                    .put("partnerId", e.partnerId().toString())
                    .put("givenOn", e.givenOn().toString());
            out.set("estimatedValue", money(e.estimatedValue()));
            return new Mapped("referral.given", null, out);
        }
        if (type == EventTypes.REWARD_EARNED) {
            RewardEarned e = (RewardEarned) data;
            ObjectNode out = object().put("rewardId", e.rewardId().toString())
                    .put("referralId", e.referralId().toString())
                    .put("partnerId", e.partnerId().toString())
                    .put("type", e.type().json());
            out.set("amount", money(e.amount()));
            out.put("agreementId", text(e.agreementId()))
                    .put("earnedAt", e.earnedAt().toString());
            return new Mapped("reward.earned", e.referralId(), out);
        }
        if (type == EventTypes.REWARD_PAID) {
            RewardPaid e = (RewardPaid) data;
            ObjectNode out = object().put("rewardId", e.rewardId().toString())
                    .put("referralId", text(e.referralId()))
                    .put("partnerId", e.partnerId().toString());
            out.set("amount", money(e.amount()));
            out.put("paidAt", e.paidAt().toString());
            return new Mapped("reward.paid", e.referralId(), out);
        }
        if (type == EventTypes.PARTNER_CREATED) {
            PartnerCreated e = (PartnerCreated) data;
            return new Mapped(
                    "partner.created",
                    null,
                    object().put("partnerId", e.partnerId().toString())
                            .put("name", e.name())
                            .put("email", e.email())
                            .put("category", e.category().json())
                            .put("stage", (e.stage() == null ? PartnerStage.IDENTIFIED : e.stage()).json())
                            .put("candidate", Boolean.TRUE.equals(e.candidate()))
                            .put("createdAt", text(e.createdAt())));
        }
        if (type == EventTypes.PARTNER_STAGE_CHANGED) {
            PartnerStageChanged e = (PartnerStageChanged) data;
            return new Mapped(
                    "partner.stage_changed",
                    null,
                    object().put("partnerId", e.partnerId().toString())
                            .put("from", e.from() == null ? null : e.from().json())
                            .put("to", e.to().json())
                            .put("reason", e.reason())
                            .put("changedAt", e.changedAt().toString()));
        }
        if (type == EventTypes.PARTNER_WENT_DORMANT) {
            PartnerWentDormant e = (PartnerWentDormant) data;
            return new Mapped(
                    "partner.dormant",
                    null,
                    object().put("partnerId", e.partnerId().toString())
                            .put("lastActivityAt", e.lastActivityAt().toString())
                            .put("silentDays", e.silentDays())
                            .put("cadenceDays", e.cadenceDays())
                            .put("detectedAt", e.detectedAt().toString()));
        }
        if (type == EventTypes.PARTNER_REACTIVATED) {
            PartnerReactivated e = (PartnerReactivated) data;
            return new Mapped(
                    "partner.reactivated",
                    null,
                    object().put("partnerId", e.partnerId().toString())
                            .put("dormantSince", e.dormantSince().toString())
                            .put("reactivatedAt", e.reactivatedAt().toString()));
        }
        return null;
    }

    private static <T> ObjectNode sampleOf(EventType<T> type, T data) {
        return map(type, data).orElseThrow().data();
    }

    private static void add(String name, String description, List<Field> fields, ObjectNode sample) {
        ENTRIES.put(name, new Entry(name, description, new ArrayList<>(fields), sample));
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static JsonNode money(Money money) {
        return money == null
                ? JsonNodeFactory.instance.nullNode()
                : EventCodec.mapper().valueToTree(money);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Field uuid(String name, boolean nullable, String description) {
        return field(name, "string", "uuid", nullable, description);
    }

    private static Field text(String name, boolean nullable, String description) {
        return field(name, "string", null, nullable, description);
    }

    private static Field time(String name, boolean nullable, String description) {
        return field(name, "string", "date-time", nullable, description);
    }

    private static Field date(String name, boolean nullable, String description) {
        return field(name, "string", "date", nullable, description);
    }

    private static Field money(String name, boolean nullable, String description) {
        return field(name, "object", null, nullable, description + ": {amount (a decimal string), currency}");
    }

    private static Field field(String name, String type, String format, boolean nullable, String description) {
        return new Field(name, type, format, nullable, description);
    }
}
