package io.referrals.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The items of one practice's introduction kit: another practice's item is not found. */
@ApplicationScoped
public class KitItemRepository implements PanacheRepositoryBase<KitItem, UUID> {

    /** Every item of the practice's kit, by kind and then in the practice's order. */
    public List<KitItem> ofKit(String tenantId) {
        return list("tenantId", Sort.ascending("kind", "position"), tenantId);
    }

    public Optional<KitItem> findInKit(String tenantId, KitItemKind kind, UUID id) {
        return find("id = ?1 and tenantId = ?2 and kind = ?3", id, tenantId, kind)
                .firstResultOptional();
    }
}
