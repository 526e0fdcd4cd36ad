package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.referrals.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PartnerContactRepository implements PanacheRepositoryBase<PartnerContact, PartnerContact.Key> {
    @Inject
    Sql sql;

    /** A partner whose check-in is due, as the scan reads it: who it is and what its due date follows from. */
    public record DueCheckIn(
            String tenantId,
            UUID partnerId,
            String name,
            Integer cadenceDays,
            Instant lastTouchpointAt,
            Instant createdAt) {

        /** One cadence after the last touchpoint (or the partner's creation); null when nothing is known yet. */
        public Instant checkInDue(int defaultCadenceDays) {
            Instant from = lastTouchpointAt != null ? lastTouchpointAt : createdAt;
            if (from == null) {
                return null;
            }
            return from.plus(Duration.ofDays(cadenceDays != null ? cadenceDays : defaultCadenceDays));
        }
    }

    /** These partners' rows, in one query (for a batch of messages), by key. */
    public Map<PartnerContact.Key, PartnerContact> byPartner(Collection<UUID> partnerIds) {
        Map<PartnerContact.Key, PartnerContact> found = new HashMap<>();
        if (!partnerIds.isEmpty()) {
            for (PartnerContact contact : list("from PartnerContact c where c.key.partnerId in ?1", partnerIds)) {
                found.put(contact.key, contact);
            }
        }
        return found;
    }

    public Optional<PartnerContact> find(String tenantId, UUID partnerId) {
        return Optional.ofNullable(findById(new PartnerContact.Key(tenantId, partnerId)));
    }

    /** Those of the partners known here. */
    public List<PartnerContact> findAll(String tenantId, Collection<UUID> partnerIds) {
        if (partnerIds.isEmpty()) {
            return List.of();
        }
        return list("key.tenantId = ?1 and key.partnerId in ?2", tenantId, partnerIds);
    }

    /** The partner's row, locked, created empty when none exists yet. */
    public PartnerContact lockOrCreate(String tenantId, UUID partnerId, Instant now) {
        PartnerContact.Key key = new PartnerContact.Key(tenantId, partnerId);
        PartnerContact contact = findById(key, LockModeType.PESSIMISTIC_WRITE);
        if (contact == null) {
            // No flush first: the row is not in the session (find would have returned it), so no pending change
            // concerns it.
            sql.update("""
                    insert into partner_contact (tenant_id, partner_id, updated_at) values (?, ?, ?)
                    on conflict do nothing""", tenantId, partnerId, now);
            contact = findById(key, LockModeType.PESSIMISTIC_WRITE);
        }
        return contact;
    }

    /**
     * Partners of any practice whose check-in is due by {@code now} and who have no check-in task for it yet:
     * neither archived nor ended, one cadence (theirs, their practice's, else {@code fallbackCadenceDays}) after their
     * last touchpoint or creation.
     */
    public List<DueCheckIn> dueForCheckIn(Instant now, int fallbackCadenceDays, int limit) {
        return sql.query(
                """
                select c.* from partner_contact c
                left join practice_settings s on s.tenant_id = c.tenant_id
                cross join lateral (select coalesce(c.last_touchpoint_at, c.created_at)
                    + make_interval(days => coalesce(c.cadence_days, s.default_cadence_days, ?))
                    as due) d
                where not c.archived and not c.ended and c.name is not null
                  and d.due <= cast(? as timestamptz)
                  and not exists (select 1 from task t
                      where t.tenant_id = c.tenant_id and t.partner_id = c.partner_id
                        and t.kind = 'PARTNER_CHECK_IN' and (t.status = 'OPEN' or t.created_at >= d.due))
                order by d.due limit ?""",
                row -> new DueCheckIn(
                        row.getString("tenant_id"),
                        row.getObject("partner_id", UUID.class),
                        row.getString("name"),
                        row.getObject("cadence_days", Integer.class),
                        instant(row, "last_touchpoint_at"),
                        instant(row, "created_at")),
                fallbackCadenceDays,
                now,
                limit);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
