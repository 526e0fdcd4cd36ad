package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class KnownPartnerRepository implements PanacheRepositoryBase<KnownPartner, KnownPartner.Key> {

    public Optional<KnownPartner> findInTenant(String tenantId, UUID partnerId) {
        return findByIdOptional(new KnownPartner.Key(tenantId, partnerId));
    }

    /** The partner, its row locked until the transaction ends: one partner's requests that must not race wait. */
    public Optional<KnownPartner> lockInTenant(String tenantId, UUID partnerId) {
        return findByIdOptional(new KnownPartner.Key(tenantId, partnerId), LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<KnownPartner> findByEmail(String tenantId, String email) {
        return find("key.tenantId = ?1 and lower(email) = lower(?2)", tenantId, email)
                .firstResultOptional();
    }
}
