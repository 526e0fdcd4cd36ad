package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.referrals.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class PracticeSettingsRepository implements PanacheRepositoryBase<PracticeSettings, String> {
    @Inject
    Sql sql;

    /** The practice's settings, or the defaults (not stored) when it has none yet. */
    public PracticeSettings of(String tenantId, Instant now) {
        PracticeSettings settings = findById(tenantId);
        return settings != null ? settings : PracticeSettings.defaults(tenantId, now);
    }

    /** These practices' settings, in one query (for a batch of messages), the defaults for one that has none. */
    public Map<String, PracticeSettings> of(Collection<String> tenantIds, Instant now) {
        Map<String, PracticeSettings> found = new HashMap<>();
        if (!tenantIds.isEmpty()) {
            for (PracticeSettings settings : list("tenantId in ?1", tenantIds)) {
                found.put(settings.tenantId, settings);
            }
        }
        for (String tenantId : tenantIds) {
            found.computeIfAbsent(tenantId, tenant -> PracticeSettings.defaults(tenant, now));
        }
        return found;
    }

    /** The practice's stored settings, locked; created with the defaults when missing. */
    public PracticeSettings lockOrCreate(String tenantId, Instant now) {
        PracticeSettings settings = findById(tenantId, LockModeType.PESSIMISTIC_WRITE);
        if (settings == null) {
            // No flush first: the row is not in the session (find would have returned it), so no pending change
            // concerns it.
            sql.update("""
                    insert into practice_settings (tenant_id, updated_at) values (?, ?)
                    on conflict do nothing""", tenantId, now);
            settings = findById(tenantId, LockModeType.PESSIMISTIC_WRITE);
        }
        return settings;
    }

    public List<PracticeSettings> withDigest() {
        return list("digestEnabled = true and digestEmail is not null");
    }
}
