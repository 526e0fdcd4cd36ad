package io.referrals.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.referrals.events.campaign.CampaignTrigger;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A practice's campaigns: another practice's campaign is not found. */
@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, UUID> {

    public Optional<Campaign> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** The campaign, locked until the transaction ends, so that a start, an edit and an end take turns. */
    public Optional<Campaign> findInTenantForUpdate(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** Newest first; {@code status} null: every status. */
    public Page<Campaign> list(String tenantId, CampaignStatus status, Paging paging) {
        Sort newestFirst = Sort.by("createdAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending);
        return status == null
                ? Pages.of(find("tenantId = ?1", newestFirst, tenantId), paging)
                : Pages.of(find("tenantId = ?1 and status = ?2", newestFirst, tenantId, status), paging);
    }

    /** The next scheduled campaign, of any practice, whose start has come; earliest first. */
    public Optional<Campaign> nextDueToStart(Instant now) {
        return find("status = ?1 and startsAt <= ?2", Sort.by("startsAt").and("id"), CampaignStatus.SCHEDULED, now)
                .firstResultOptional();
    }

    /** The next running campaign, of any practice, whose end has passed; earliest first. */
    public Optional<Campaign> nextDueToEnd(Instant now) {
        return find("status = ?1 and endsAt <= ?2", Sort.by("endsAt").and("id"), CampaignStatus.RUNNING, now)
                .firstResultOptional();
    }

    /** The practice's running campaigns asking on {@code trigger} whose window holds {@code at}, oldest first. */
    public List<Campaign> runningTriggeredBy(String tenantId, CampaignTrigger trigger, Instant at) {
        return find(
                        "tenantId = ?1 and status = ?2 and trigger = ?3 and startsAt <= ?4 and endsAt > ?4",
                        Sort.by("startsAt").and("id"),
                        tenantId,
                        CampaignStatus.RUNNING,
                        trigger,
                        at)
                .list();
    }
}
