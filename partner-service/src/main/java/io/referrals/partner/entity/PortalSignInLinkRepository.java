package io.referrals.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Sign-in links by the hash of their token. */
@ApplicationScoped
public class PortalSignInLinkRepository implements PanacheRepositoryBase<PortalSignInLink, String> {

    /** Whose link a token hash is: a projection, so that the link itself is first loaded under its lock. */
    public record Owner(String tenantId, UUID partnerId) {}

    public Optional<Owner> ownerOf(String tokenHash) {
        return getEntityManager()
                .createQuery(
                        "select l.tenantId, l.partnerId from PortalSignInLink l where l.tokenHash = ?1", Owner.class)
                .setParameter(1, tokenHash)
                .getResultStream()
                .findFirst();
    }

    /** The link, locked until the transaction ends: two exchanges of one token queue up and the second finds it used. */
    public Optional<PortalSignInLink> findForUpdate(String tokenHash) {
        return find("tokenHash", tokenHash)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** Makes a partner's unused links unusable (access revoked). */
    public int expireUnused(String tenantId, UUID partnerId, Instant now) {
        return update(
                "usedAt = ?1 where tenantId = ?2 and partnerId = ?3 and usedAt is null", now, tenantId, partnerId);
    }

    public long deleteExpiredBefore(Instant before) {
        return delete("expiresAt < ?1", before);
    }
}
