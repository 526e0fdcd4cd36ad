package io.referrals.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.referrals.partner.rest.PartnerFilter;
import io.referrals.platform.page.Page;
import io.referrals.platform.persistence.Pages;
import io.referrals.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** Every query is scoped to one practice: another practice's partner is simply not found. */
@ApplicationScoped
public class PartnerRepository implements PanacheRepositoryBase<Partner, UUID> {

    public Optional<Partner> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** The partner, locked until the transaction ends, so that concurrent changes to it queue up. */
    public Optional<Partner> findInTenantForUpdate(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public Optional<Partner> findByEmail(String tenantId, String email) {
        return find("tenantId = ?1 and lower(email) = lower(?2)", tenantId, email).firstResultOptional();
    }

    /** Every email of the practice (archived partners included), lower-cased, with its partner's id. */
    public Map<String, UUID> emailIndex(String tenantId) {
        Map<String, UUID> index = new HashMap<>();
        getEntityManager().createQuery("select lower(p.email), p.id from Partner p where p.tenantId = ?1 "
                + "and p.email is not null", Object[].class).setParameter(1, tenantId).getResultStream()
                .forEach(row -> index.put((String) row[0], (UUID) row[1]));
        return index;
    }

    public Page<Partner> list(String tenantId, PartnerFilter filter, PageRequest page) {
        return Pages.of(query(tenantId, filter), page.paging());
    }

    /** The whole filtered list, for an export; streamed so a large practice does not load it at once. */
    public Stream<Partner> stream(String tenantId, PartnerFilter filter) {
        return query(tenantId, filter).stream();
    }

    public List<Partner> dueForCheckIn(String tenantId, Instant before, int limit) {
        return find("tenantId = ?1 and archivedAt is null and stage <> ?2 and nextCheckInDue < ?3",
                Sort.by("nextCheckInDue").and("id"), tenantId, io.referrals.events.PartnerStage.ENDED, before)
                .page(0, limit).list();
    }

    public List<Partner> allInTenant(String tenantId) {
        return list("tenantId", tenantId);
    }

    private PanacheQuery<Partner> query(String tenantId, PartnerFilter filter) {
        List<String> where = new ArrayList<>(List.of("tenantId = :tenant",
                filter.archived ? "archivedAt is not null" : "archivedAt is null"));
        Parameters params = Parameters.with("tenant", tenantId);
        if (filter.category != null) {
            where.add("category = :category");
            params.and("category", filter.category);
        }
        if (filter.stage != null) {
            where.add("stage = :stage");
            params.and("stage", filter.stage);
        }
        if (filter.allianceType != null) {
            where.add("array_contains(allianceTypes, :alliance)");
            params.and("alliance", filter.allianceType.name());
        }
        if (filter.tag != null && !filter.tag.isBlank()) {
            where.add("array_contains(tags, :tag)");
            params.and("tag", filter.tag.strip());
        }
        if (filter.text != null && !filter.text.isBlank()) {
            where.add("(lower(name) like :text or lower(organization) like :text or lower(email) like :text)");
            params.and("text", "%" + escapeLike(filter.text.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.candidate != null) {
            where.add("candidate = :candidate");
            params.and("candidate", filter.candidate);
        }
        if (filter.needsReview != null) {
            where.add("needsReview = :review");
            params.and("review", filter.needsReview);
        }
        return find(String.join(" and ", where), sort(filter.sort), params);
    }

    private static Sort sort(String key) {
        String sortKey = key == null ? "name" : key;
        boolean descending = sortKey.startsWith("-");
        String field = descending ? sortKey.substring(1) : sortKey;
        Sort.Direction direction = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
        return Sort.by(field, direction, Sort.NullPrecedence.NULLS_LAST).and("id");
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
