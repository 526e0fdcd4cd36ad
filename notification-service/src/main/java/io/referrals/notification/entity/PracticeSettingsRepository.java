package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.referrals.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class PracticeSettingsRepository implements PanacheRepositoryBase<PracticeSettings, String> {
    @Inject
    Sql sql;

    /** The practice's settings, or the defaults (not stored) when it has none yet. */
    public PracticeSettings of(String tenantId, Instant now) {
        PracticeSettings settings = findById(tenantId);
        return settings != null ? settings : PracticeSettings.defaults(tenantId, now);
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
