package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PartnerContactRepository implements PanacheRepositoryBase<PartnerContact, PartnerContact.Key> {

    public Optional<PartnerContact> find(String tenantId, UUID partnerId) {
        return Optional.ofNullable(findById(new PartnerContact.Key(tenantId, partnerId)));
    }

    /** The partner's row, locked, created empty when none exists yet. */
    public PartnerContact lockOrCreate(String tenantId, UUID partnerId, Instant now) {
        PartnerContact.Key key = new PartnerContact.Key(tenantId, partnerId);
        PartnerContact contact = findById(key, LockModeType.PESSIMISTIC_WRITE);
        if (contact == null) {
            getEntityManager()
                    .createNativeQuery("""
                            insert into partner_contact (tenant_id, partner_id, updated_at) values (?1, ?2, ?3)
                            on conflict do nothing""")
                    .setParameter(1, tenantId)
                    .setParameter(2, partnerId)
                    .setParameter(3, now)
                    .executeUpdate();
            contact = findById(key, LockModeType.PESSIMISTIC_WRITE);
        }
        return contact;
    }

    /**
     * Partners of any practice whose check-in is due by {@code now} and who have no check-in task for it yet:
     * neither archived nor ended, one cadence (theirs, their practice's, else {@code fallbackCadenceDays}) after their
     * last touchpoint or creation.
     */
    public List<PartnerContact> dueForCheckIn(Instant now, int fallbackCadenceDays, int limit) {
        @SuppressWarnings("unchecked")
        List<PartnerContact> due = getEntityManager()
                .createNativeQuery("""
                        select c.* from partner_contact c
                        left join practice_settings s on s.tenant_id = c.tenant_id
                        cross join lateral (select coalesce(c.last_touchpoint_at, c.created_at)
                            + make_interval(days => coalesce(c.cadence_days, s.default_cadence_days, :fallback))
                            as due) d
                        where not c.archived and not c.ended and c.name is not null
                          and d.due <= cast(:now as timestamptz)
                          and not exists (select 1 from task t
                              where t.tenant_id = c.tenant_id and t.partner_id = c.partner_id
                                and t.kind = 'PARTNER_CHECK_IN' and (t.status = 'OPEN' or t.created_at >= d.due))
                        order by d.due limit :limit""", PartnerContact.class)
                .setParameter("fallback", fallbackCadenceDays)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
        return due;
    }
}
