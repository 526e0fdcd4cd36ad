package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.referrals.events.Consent;
import io.referrals.events.ReferralStatus;
import io.referrals.events.booking.BookingProvider;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Pages;
import io.referrals.platform.persistence.Sql;
import io.referrals.platform.persistence.Where;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every query is scoped to one practice: another practice's referral is simply not found. */
@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    @Inject
    Sql sql;

    public Optional<Referral> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** The practice's referral whose booking link carries this code (codes are kept upper-case). */
    public Optional<Referral> findByBookingCode(String tenantId, String bookingCode) {
        return find("tenantId = ?1 and bookingCode = ?2", tenantId, bookingCode).firstResultOptional();
    }

    /** The most recently received open referral (received, contacted, consultation booked) naming this email, any case. */
    public Optional<Referral> findNewestOpenByEmail(String tenantId, String email) {
        return find(
                        "tenantId = ?1 and lower(referredEmail) = lower(?2) and status in ?3",
                        Sort.descending("receivedAt").and("id"),
                        tenantId,
                        email,
                        List.of(ReferralStatus.RECEIVED, ReferralStatus.CONTACTED, ReferralStatus.CONSULTATION_BOOKED))
                .firstResultOptional();
    }

    /**
     * The most recent referral of the practice received since {@code since} whose referred email matches
     * (case-insensitive) or whose phone has the same digits.
     */
    public Optional<UUID> findRecentDuplicate(String tenantId, String email, String phoneDigits, Instant since) {
        List<Object> parameters = new ArrayList<>();
        String recent = recentDuplicateQuery(tenantId, email, phoneDigits, since, parameters);
        if (recent == null) {
            return Optional.empty();
        }
        return sql.query(recent, row -> row.getObject(1, UUID.class), parameters.toArray()).stream()
                .findFirst();
    }

    /**
     * The query for {@link #findRecentDuplicate}, its parameters added to {@code parameters}; null when there is no
     * contact to compare.
     */
    private static String recentDuplicateQuery(
            String tenantId, String email, String phoneDigits, Instant since, List<Object> parameters) {
        // One branch per contact, each served by its own index; an OR of the two would use neither and read every
        // referral of the practice in the window.
        List<String> branches = new ArrayList<>();
        if (email != null && !email.isEmpty()) {
            branches.add(RECENT_BY.formatted("lower(referred_email) = lower(?)"));
            parameters.addAll(List.of(tenantId, email, since));
        }
        if (phoneDigits != null && !phoneDigits.isEmpty()) {
            branches.add(RECENT_BY.formatted("regexp_replace(referred_phone, '[^0-9]', '', 'g') = ?"));
            parameters.addAll(List.of(tenantId, phoneDigits, since));
        }
        if (branches.isEmpty()) {
            return null;
        }
        return "select id from (" + String.join(" union all ", branches)
                + ") recent order by received_at desc, id limit 1";
    }

    /**
     * What receiving a referral needs to know besides the partner, read in one round trip: the practice's first-contact
     * hours (null: the default), its active booking integration (null provider: none), the most recent possible
     * duplicate ({@link #findRecentDuplicate}), and whether any campaign ask was sent to the partner at or before
     * {@code at} (false when {@code partnerId} is null).
     */
    public IntakeContext intakeContext(
            String tenantId, UUID partnerId, String email, String phoneDigits, Instant since, Instant at) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenantId);
        String recent = recentDuplicateQuery(tenantId, email, phoneDigits, since, parameters);
        parameters.addAll(List.of(tenantId, partnerId == null ? NO_PARTNER : partnerId, at, tenantId));
        return sql.single(
                """
                select (select first_contact_hours from referral_settings where tenant_id = ?),
                       (%s),
                       exists (select 1 from campaign_ask_sent where tenant_id = ? and partner_id = ? and sent_at <= ?),
                       integration.provider, integration.booking_page_url
                from (select 1) one
                left join lateral (select provider, booking_page_url from booking_integration
                                   where tenant_id = ? and removed_at is null limit 1) integration on true""".formatted(recent == null ? "select null::uuid" : recent),
                row -> {
                    int hours = row.getInt(1);
                    Integer firstContactHours = row.wasNull() ? null : hours;
                    String provider = row.getString(4);
                    return new IntakeContext(
                            firstContactHours,
                            row.getObject(2, UUID.class),
                            row.getBoolean(3),
                            provider == null ? null : BookingProvider.valueOf(provider),
                            row.getString(5));
                },
                parameters.toArray());
    }

    /** Stands for "no partner" in {@link #intakeContext}: no ask names the nil UUID. */
    private static final UUID NO_PARTNER = new UUID(0, 0);

    /** See {@link #intakeContext}. */
    public record IntakeContext(
            Integer firstContactHours,
            UUID possibleDuplicateOf,
            boolean partnerAsked,
            BookingProvider bookingProvider,
            String bookingPageUrl) {}

    private static final String RECENT_BY = """
            (select id, received_at from referral where tenant_id = ? and %s and received_at >= ?
             order by received_at desc, id limit 1)""";

    /**
     * The partner's referrals that the practice stands behind (attributed verified or confirmed), newest first: what
     * the partner's portal lists. A referral that only names the partner, unconfirmed, is not theirs to see.
     */
    public Page<Referral> listAttributedTo(String tenantId, UUID partnerId, Paging paging) {
        return Pages.of(
                find(
                        "tenantId = ?1 and partnerId = ?2 and attribution in ?3",
                        Sort.descending("receivedAt").and("id"),
                        tenantId,
                        partnerId,
                        List.of(Referral.Attribution.VERIFIED, Referral.Attribution.CONFIRMED)),
                paging);
    }

    /** One of the partner's referrals that the practice stands behind, as {@link #listAttributedTo} lists them. */
    public Optional<Referral> findAttributedTo(String tenantId, UUID partnerId, UUID id) {
        return find(
                        "tenantId = ?1 and partnerId = ?2 and id = ?3 and attribution in ?4",
                        tenantId,
                        partnerId,
                        id,
                        STOOD_BEHIND)
                .firstResultOptional();
    }

    /** How many referrals the practice stands behind the partner made. */
    public long countAttributedTo(String tenantId, UUID partnerId) {
        return count("tenantId = ?1 and partnerId = ?2 and attribution in ?3", tenantId, partnerId, STOOD_BEHIND);
    }

    /**
     * How many of those became clients with the referred person's consent to tell the partner the outcome: a
     * conversion the partner may not learn of is not counted either.
     */
    public long countConvertedAndSharedWith(String tenantId, UUID partnerId) {
        return count(
                "tenantId = ?1 and partnerId = ?2 and attribution in ?3 and status = ?4 and consent = ?5",
                tenantId,
                partnerId,
                STOOD_BEHIND,
                ReferralStatus.CONVERTED,
                Consent.OUTCOME);
    }

    private static final List<Referral.Attribution> STOOD_BEHIND =
            List.of(Referral.Attribution.VERIFIED, Referral.Attribution.CONFIRMED);

    /** The list narrowed by the query, newest first; overdue is judged at {@code now}. */
    public Page<Referral> list(String tenantId, ReferralQuery query, Instant now, Paging paging) {
        Where where = Where.tenant(tenantId)
                .and("partnerId = :partner", "partner", query.partnerId())
                .and("status = :status", "status", query.status())
                .and("receivedAt >= :from", "from", query.receivedFrom())
                .and("receivedAt < :to", "to", query.receivedTo())
                .and("attribution = :attribution", "attribution", query.attribution());
        if (query.overdue() != null) {
            where.and(
                            query.overdue()
                                    ? "status = :received and firstContactDueAt < :now"
                                    : "(status <> :received or firstContactDueAt >= :now)")
                    .bind("received", ReferralStatus.RECEIVED)
                    .bind("now", now);
        }
        return Pages.of(find(where.query(), Sort.descending("receivedAt").and("id"), where.parameters()), paging);
    }

    /** The partner's converted referrals received at or after {@code since} whose attribution earns fees. */
    public List<Referral> convertedReceivedSince(String tenantId, UUID partnerId, Instant since) {
        return list(
                "tenantId = ?1 and partnerId = ?2 and status = ?3 and receivedAt >= ?4 and attribution in ?5",
                tenantId,
                partnerId,
                ReferralStatus.CONVERTED,
                since,
                List.of(Referral.Attribution.VERIFIED, Referral.Attribution.CONFIRMED));
    }
}
