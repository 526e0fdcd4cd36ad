package io.referrals.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PracticeRepository implements PanacheRepositoryBase<Practice, String> {

    /** The stored profile, or the defaults of a practice that has not described itself yet. */
    public Practice profileOf(String tenantId) {
        return findByIdOptional(tenantId).orElseGet(() -> Practice.defaults(tenantId));
    }
}
