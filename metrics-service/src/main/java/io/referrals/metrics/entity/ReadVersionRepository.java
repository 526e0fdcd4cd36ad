package io.referrals.metrics.entity;

import io.referrals.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Each practice's read-model version: raised with every change, read before every cached answer is reused. */
@ApplicationScoped
public class ReadVersionRepository {
    private static final String RAISE = """
            insert into metrics_read_version (tenant_id, version) values (?, 1)
            on conflict (tenant_id) do update set version = metrics_read_version.version + 1""";

    @Inject
    Sql sql;

    /** Raises the versions of these practices, in name order (two writers never wait on each other in a cycle). */
    public void raise(Collection<String> tenantIds) {
        for (String tenantId : new TreeSet<>(tenantIds)) {
            sql.update(RAISE, tenantId);
        }
    }

    public long current(String tenantId) {
        List<Long> rows = sql.query(
                "select version from metrics_read_version where tenant_id = ?", row -> row.getLong(1), tenantId);
        return rows.isEmpty() ? 0 : rows.get(0);
    }
}
