package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class PracticeSettingsRepository implements PanacheRepositoryBase<PracticeSettings, String> {

    /** The practice's settings, or the defaults (not stored) when it has none yet. */
    public PracticeSettings of(String tenantId, Instant now) {
        PracticeSettings settings = findById(tenantId);
        return settings != null ? settings : PracticeSettings.defaults(tenantId, now);
    }

    /** The practice's stored settings, locked; created with the defaults when missing. */
    public PracticeSettings lockOrCreate(String tenantId, Instant now) {
        PracticeSettings settings = findById(tenantId, LockModeType.PESSIMISTIC_WRITE);
        if (settings == null) {
            getEntityManager()
                    .createNativeQuery("""
                            insert into practice_settings (tenant_id, updated_at) values (?1, ?2)
                            on conflict do nothing""")
                    .setParameter(1, tenantId)
                    .setParameter(2, now)
                    .executeUpdate();
            settings = findById(tenantId, LockModeType.PESSIMISTIC_WRITE);
        }
        return settings;
    }

    public List<PracticeSettings> withDigest() {
        return list("digestEnabled = true and digestEmail is not null");
    }
}
