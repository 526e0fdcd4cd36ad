package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.referrals.events.Consent;
import io.referrals.events.ReferralStatus;
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

    public boolean bookingCodeTaken(String tenantId, String bookingCode) {
        return count("tenantId = ?1 and bookingCode = ?2", tenantId, bookingCode) > 0;
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
        // One branch per contact, each served by its own index; an OR of the two would use neither and read every
        // referral of the practice in the window.
        List<String> branches = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (email != null && !email.isEmpty()) {
            branches.add(RECENT_BY.formatted("lower(referred_email) = lower(?)"));
            parameters.addAll(List.of(tenantId, email, since));
        }
        if (phoneDigits != null && !phoneDigits.isEmpty()) {
            branches.add(RECENT_BY.formatted("regexp_replace(referred_phone, '[^0-9]', '', 'g') = ?"));
            parameters.addAll(List.of(tenantId, phoneDigits, since));
        }
        if (branches.isEmpty()) {
            return Optional.empty();
        }
        return sql
                .query(
                        "select id from (" + String.join(" union all ", branches)
                                + ") recent order by received_at desc, id limit 1",
                        row -> row.getObject(1, UUID.class),
                        parameters.toArray())
                .stream()
                .findFirst();
    }

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
