package io.referrals.events;

import io.referrals.events.partner.PartnerCreated;
import io.referrals.events.partner.PartnerUpdated;
import io.referrals.events.referral.ReferralConverted;
import io.referrals.events.referral.ReferralReceived;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of every event contract. */
public final class EventTypes {
    public static final EventType<PartnerCreated> PARTNER_CREATED =
            new EventType<>("partner.created", 1, PartnerCreated.class, Topics.PARTNER_EVENTS);
    public static final EventType<PartnerUpdated> PARTNER_UPDATED =
            new EventType<>("partner.updated", 1, PartnerUpdated.class, Topics.PARTNER_EVENTS);
    public static final EventType<ReferralReceived> REFERRAL_RECEIVED =
            new EventType<>("referral.received", 1, ReferralReceived.class, Topics.REFERRAL_EVENTS);
    public static final EventType<ReferralConverted> REFERRAL_CONVERTED =
            new EventType<>("referral.converted", 1, ReferralConverted.class, Topics.REFERRAL_EVENTS);

    public static final List<EventType<?>> ALL =
            List.of(PARTNER_CREATED, PARTNER_UPDATED, REFERRAL_RECEIVED, REFERRAL_CONVERTED);

    private static final Map<String, EventType<?>> BY_CLOUD_EVENT_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::cloudEventType, Function.identity()));

    private EventTypes() {
    }

    public static Optional<EventType<?>> byCloudEventType(String type) {
        return Optional.ofNullable(BY_CLOUD_EVENT_TYPE.get(type));
    }
}
