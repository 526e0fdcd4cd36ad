package io.referrals.referral.entity;

import io.referrals.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Everything this service holds about one referred person, found by their email (case-insensitive) or the digits of
 * their phone, within one practice; and its erasure. Erasure keeps every row, its ids, dates, statuses and amounts,
 * so the numbers stay right; it drops names, contact details, needs and notes.
 */
@ApplicationScoped
public class PersonDataRepository {
    /** What an erased name becomes: the column stays non-null and says what happened. */
    public static final String ERASED = "(erased)";

    /** Matches no email and no phone's digits. */
    private static final String NO_MATCH = "-";

    @Inject
    EntityManager entityManager;

    @Inject
    Sql sql;

    /** The person's inbound referrals, oldest first. */
    public List<Referral> referrals(String tenantId, String email, String phoneDigits) {
        return entityManager
                .createQuery("""
                        from Referral r where r.tenantId = :tenant
                          and (lower(r.referredEmail) = :email
                               or function('regexp_replace', r.referredPhone, '[^0-9]', '', 'g') = :phone)
                        order by r.receivedAt, r.id""", Referral.class)
                .setParameter("tenant", tenantId)
                .setParameter("email", email == null ? NO_MATCH : email.strip().toLowerCase(java.util.Locale.ROOT))
                .setParameter("phone", phoneDigits == null ? NO_MATCH : phoneDigits)
                .getResultList();
    }

    /** The referrals the practice gave a partner about this person, oldest first. */
    public List<GivenReferral> givenReferrals(String tenantId, String email, String phoneDigits) {
        return entityManager
                .createQuery("""
                        from GivenReferral g where g.tenantId = :tenant
                          and (lower(g.personEmail) = :email
                               or function('regexp_replace', g.personPhone, '[^0-9]', '', 'g') = :phone)
                        order by g.givenOn, g.createdAt, g.id""", GivenReferral.class)
                .setParameter("tenant", tenantId)
                .setParameter("email", email == null ? NO_MATCH : email.strip().toLowerCase(java.util.Locale.ROOT))
                .setParameter("phone", phoneDigits == null ? NO_MATCH : phoneDigits)
                .getResultList();
    }

    /**
     * Erases the person from these referrals and given referrals, their histories' notes, the answers kept for
     * idempotent retries that showed them, and relayed outbox events about them. {@code traces} are the literal
     * values (email, phone as stored) whose kept answers must go too.
     */
    public void erase(String tenantId, List<UUID> referralIds, List<UUID> givenIds, List<String> traces) {
        if (!referralIds.isEmpty()) {
            entityManager
                    .createQuery("""
                            update Referral r set r.referredName = :erased, r.referredEmail = null,
                              r.referredPhone = null, r.note = null, r.version = r.version + 1
                            where r.tenantId = :tenant and r.id in :ids""")
                    .setParameter("erased", ERASED)
                    .setParameter("tenant", tenantId)
                    .setParameter("ids", referralIds)
                    .executeUpdate();
            for (String entity : List.of("StatusChange", "ConsentChange")) {
                entityManager
                        .createQuery("update " + entity
                                + " c set c.note = null where c.tenantId = :tenant and c.subjectId in :ids")
                        .setParameter("tenant", tenantId)
                        .setParameter("ids", referralIds)
                        .executeUpdate();
            }
            sql.update(
                    """
                    delete from outbox_event where tenant_id = ? and published_at is not null
                      and event_key = any(?)""",
                    tenantId,
                    Sql.array("text", referralIds.stream().map(UUID::toString).toArray()));
        }
        if (!givenIds.isEmpty()) {
            entityManager
                    .createQuery("""
                            update GivenReferral g set g.personName = :erased, g.personEmail = null,
                              g.personPhone = null, g.need = :erased, g.note = null
                            where g.tenantId = :tenant and g.id in :ids""")
                    .setParameter("erased", ERASED)
                    .setParameter("tenant", tenantId)
                    .setParameter("ids", givenIds)
                    .executeUpdate();
        }
        List<String> patterns = new ArrayList<>();
        referralIds.forEach(id -> patterns.add("%" + id + "%"));
        givenIds.forEach(id -> patterns.add("%" + id + "%"));
        traces.stream()
                .filter(t -> t != null && !t.isBlank())
                .forEach(t -> patterns.add("%" + likeEscaped(t.toLowerCase(java.util.Locale.ROOT)) + "%"));
        for (String pattern : patterns) {
            sql.update(
                    "delete from idempotency_key where tenant_id = ? and lower(response_body) like ?",
                    tenantId,
                    pattern);
        }
    }

    private static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
