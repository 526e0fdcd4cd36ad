package io.referrals.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Portal sessions by their id ({@code sid}), always within the practice and partner the token named. */
@ApplicationScoped
public class PortalSessionRepository implements PanacheRepositoryBase<PortalSession, UUID> {

    public Optional<PortalSession> findOf(String tenantId, UUID partnerId, UUID sid) {
        return find("sid = ?1 and tenantId = ?2 and partnerId = ?3", sid, tenantId, partnerId)
                .firstResultOptional();
    }

    /** Ends every open session of a partner (access revoked). */
    public int endAll(String tenantId, UUID partnerId, Instant now) {
        return update(
                "endedAt = ?1 where tenantId = ?2 and partnerId = ?3 and endedAt is null", now, tenantId, partnerId);
    }
}
