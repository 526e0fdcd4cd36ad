package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AgreementTermsRepository implements PanacheRepositoryBase<AgreementTerms, UUID> {

    public Optional<AgreementTerms> findInTenant(String tenantId, UUID agreementId) {
        return find("tenantId = ?1 and agreementId = ?2", tenantId, agreementId).firstResultOptional();
    }

    /** Whether any practice holds terms under this agreement id. */
    public boolean exists(UUID agreementId) {
        return count("agreementId", agreementId) > 0;
    }

    /** The agreement that was active, and effective, for this partner at {@code moment}. */
    public Optional<AgreementTerms> inForceAt(String tenantId, UUID partnerId, Instant moment) {
        LocalDate day = LocalDate.ofInstant(moment, ZoneOffset.UTC);
        return find(
                        "tenantId = ?1 and partnerId = ?2 and activatedAt <= ?3 and (endedAt is null or endedAt > ?3) "
                                + "and effectiveFrom <= ?4 and (effectiveTo is null or effectiveTo >= ?4) order by activatedAt desc",
                        tenantId,
                        partnerId,
                        moment,
                        day)
                .firstResultOptional();
    }
}
