package io.referrals.benchmark;

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
import io.referrals.events.partner.PartnerCreated;
import io.referrals.events.partner.PracticeProfileUpdated;
import io.referrals.events.partner.TouchpointLogged;
import io.referrals.events.referral.ReferralClosed;
import io.referrals.events.referral.ReferralConverted;
import io.referrals.events.referral.ReferralGiven;
import io.referrals.events.referral.ReferralReceived;
import io.referrals.events.referral.ReferralStatusChanged;
import io.referrals.events.referral.Referrer;
import io.referrals.events.referral.RewardEarned;
import io.referrals.events.referral.RewardPaid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A practice's history as the services would have published it: partners, then referrals over the years, each with
 * the status changes, conversion or close, and rewards referral-service would publish, in order on its key; referrals
 * given back; touchpoints. Deterministic for a seed, so two runs see the same data.
 */
final class PracticeHistory {
    static final String SOURCE_PARTNERS = "/partner-service";
    static final String SOURCE_REFERRALS = "/referral-service";
    private static final List<String> ALLIANCE_TYPES =
            List.of("referral", "promotional", "collaboration", "extension", "expert_team_member", "joint_venture");
    static final PartnerStage[] ACTIVE_STAGES = {
        PartnerStage.REACHED_OUT,
        PartnerStage.BUILDING_RAPPORT,
        PartnerStage.MUTUAL_BENEFIT_AGREED,
        PartnerStage.TRUSTED
    };
    private static final ReferralStatus[] CLOSED = {
        ReferralStatus.NOT_A_FIT, ReferralStatus.DECLINED, ReferralStatus.NO_RESPONSE
    };

    private final String tenant;
    private final Random random;
    private final Instant end;
    private final Duration span;
    private final List<UUID> partners = new ArrayList<>();

    PracticeHistory(String tenant, long seed, Instant end, Duration span) {
        this.tenant = tenant;
        this.random = new Random(seed);
        this.end = end;
        this.span = span;
    }

    /** The practice's profile and its partners; returns how many events. */
    long partners(int count, Consumer<CloudEvent> out) {
        out.accept(wrap(
                EventTypes.PRACTICE_PROFILE_UPDATED,
                SOURCE_PARTNERS,
                PracticeProfileUpdated.practiceKey(tenant),
                new PracticeProfileUpdated(ZoneId.of("America/New_York").getId(), 400, 30, end.minus(span))));
        PartnerCategory[] categories = PartnerCategory.values();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            partners.add(id);
            List<String> alliances = new ArrayList<>();
            alliances.add(ALLIANCE_TYPES.get(random.nextInt(ALLIANCE_TYPES.size())));
            if (random.nextInt(4) == 0) {
                alliances.add(ALLIANCE_TYPES.get(random.nextInt(ALLIANCE_TYPES.size())));
            }
            out.accept(wrap(
                    EventTypes.PARTNER_CREATED,
                    SOURCE_PARTNERS,
                    id,
                    new PartnerCreated(
                            id,
                            "Partner " + i,
                            null,
                            categories[random.nextInt(categories.length)],
                            end.minus(span),
                            alliances.stream().distinct().toList(),
                            ACTIVE_STAGES[random.nextInt(ACTIVE_STAGES.length)],
                            random.nextBoolean() ? null : 14 + random.nextInt(60),
                            false)));
        }
        return count + 1L;
    }

    /** One inbound referral and what happened to it later; returns how many events. */
    long referral(Consumer<CloudEvent> out) {
        UUID id = UUID.randomUUID();
        UUID partner = skewedPartner();
        Instant received = end.minus(Duration.ofSeconds((long) (random.nextDouble() * span.toSeconds())));
        ReferralChannel channel = random.nextInt(3) == 0 ? ReferralChannel.INTAKE_LINK : ReferralChannel.API;
        Consent consent = Consent.values()[random.nextInt(Consent.values().length)];
        List<CloudEvent> events = new ArrayList<>();
        events.add(wrap(
                EventTypes.REFERRAL_RECEIVED,
                SOURCE_REFERRALS,
                id,
                new ReferralReceived(
                        id,
                        new Referrer(partner, "Partner", null),
                        "Referred",
                        consent,
                        received,
                        channel,
                        received.plus(Duration.ofHours(48)))));
        Instant at = received;
        ReferralStatus status = ReferralStatus.RECEIVED;
        int fate = random.nextInt(100);
        if (fate < 70) {
            at = later(at, Duration.ofHours(72));
            events.add(statusChange(id, partner, status, ReferralStatus.CONTACTED, consent, at));
            status = ReferralStatus.CONTACTED;
        }
        if (fate < 50) {
            at = later(at, Duration.ofDays(7));
            events.add(statusChange(id, partner, status, ReferralStatus.CONSULTATION_BOOKED, consent, at));
            status = ReferralStatus.CONSULTATION_BOOKED;
        }
        if (fate < 40) {
            converted(events, id, partner, status, consent, received, later(at, Duration.ofDays(30)));
        } else if (fate < 85) {
            ReferralStatus outcome = CLOSED[random.nextInt(CLOSED.length)];
            Instant closedAt = later(at, Duration.ofDays(20));
            events.add(statusChange(id, partner, status, outcome, consent, closedAt));
            events.add(wrap(
                    EventTypes.REFERRAL_CLOSED,
                    SOURCE_REFERRALS,
                    id,
                    new ReferralClosed(id, partner, outcome, consent, received, closedAt)));
        }
        events.forEach(out);
        return events.size();
    }

    /** A referral the practice gave to a partner; one event. */
    long given(Consumer<CloudEvent> out) {
        UUID id = UUID.randomUUID();
        Instant on = end.minus(Duration.ofSeconds((long) (random.nextDouble() * span.toSeconds())));
        Money value = random.nextBoolean() ? usd(300 + random.nextInt(3000)) : null;
        out.accept(wrap(
                EventTypes.REFERRAL_GIVEN,
                SOURCE_REFERRALS,
                id,
                new ReferralGiven(
                        id, skewedPartner(), on.atZone(ZoneId.of("UTC")).toLocalDate(), value)));
        return 1;
    }

    /** A touchpoint with a partner; one event. */
    long touchpoint(Consumer<CloudEvent> out) {
        UUID partner = partners.get(random.nextInt(partners.size()));
        Instant at = end.minus(Duration.ofSeconds((long) (random.nextDouble() * span.toSeconds())));
        out.accept(wrap(
                EventTypes.TOUCHPOINT_LOGGED,
                SOURCE_PARTNERS,
                partner,
                new TouchpointLogged(UUID.randomUUID(), partner, "call", at, at.plus(Duration.ofDays(30)))));
        return 1;
    }

    /** A referral received now from a partner no one has mentioned before: the probe of event → visible. */
    CloudEvent probe(UUID partner, Instant now) {
        return receivedNow(partner, "Probe", now);
    }

    /** Adds partners the practice already has (a kept seed's, read back from the API), for {@link #fromPartners}. */
    void knownPartners(List<UUID> ids) {
        partners.addAll(ids);
    }

    /** A referral received now from one of the practice's partners, the first ones most often. */
    CloudEvent fromPartners(Instant now) {
        return receivedNow(skewedPartner(), "Partner", now);
    }

    private CloudEvent receivedNow(UUID partner, String referrerName, Instant now) {
        UUID id = UUID.randomUUID();
        return wrap(
                EventTypes.REFERRAL_RECEIVED,
                SOURCE_REFERRALS,
                id,
                new ReferralReceived(
                        id,
                        new Referrer(partner, referrerName, null),
                        "Probe",
                        Consent.NONE,
                        now,
                        ReferralChannel.API,
                        now.plus(Duration.ofHours(48))));
    }

    private void converted(
            List<CloudEvent> events,
            UUID id,
            UUID partner,
            ReferralStatus from,
            Consent consent,
            Instant received,
            Instant at) {
        Money value = usd(500 + random.nextInt(4500));
        events.add(statusChange(id, partner, from, ReferralStatus.CONVERTED, consent, at));
        events.add(wrap(
                EventTypes.REFERRAL_CONVERTED,
                SOURCE_REFERRALS,
                id,
                new ReferralConverted(id, partner, value, received, at)));
        if (random.nextInt(10) < 3) {
            UUID reward = UUID.randomUUID();
            Money fee = new Money(
                    value.amount()
                            .multiply(BigDecimal.valueOf(15))
                            .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN),
                    value.currency());
            events.add(wrap(
                    EventTypes.REWARD_EARNED,
                    SOURCE_REFERRALS,
                    id,
                    new RewardEarned(reward, id, partner, RewardType.REFERRAL_FEE, fee, UUID.randomUUID(), at)));
            if (random.nextBoolean()) {
                events.add(wrap(
                        EventTypes.REWARD_PAID,
                        SOURCE_REFERRALS,
                        id,
                        new RewardPaid(reward, id, partner, fee, later(at, Duration.ofDays(30)))));
            }
        }
    }

    private CloudEvent statusChange(
            UUID id, UUID partner, ReferralStatus from, ReferralStatus to, Consent consent, Instant at) {
        return wrap(
                EventTypes.REFERRAL_STATUS_CHANGED,
                SOURCE_REFERRALS,
                id,
                new ReferralStatusChanged(id, partner, from, to, consent, at));
    }

    /** A few partners send most referrals, as in a real practice. */
    private UUID skewedPartner() {
        double r = random.nextDouble();
        return partners.get((int) (r * r * partners.size()));
    }

    /** A moment after {@code at}, within {@code most}, never in the future. */
    private Instant later(Instant at, Duration most) {
        Instant next = at.plusSeconds(1 + (long) (random.nextDouble() * most.toSeconds()));
        return next.isAfter(end) ? end : next;
    }

    private static Money usd(int dollars) {
        return new Money(BigDecimal.valueOf(dollars).setScale(2, RoundingMode.UNNECESSARY), "USD");
    }

    private <T> CloudEvent wrap(EventType<T> type, String source, UUID key, T data) {
        return EventCodec.wrap(type, source, tenant, key.toString(), data);
    }
}
