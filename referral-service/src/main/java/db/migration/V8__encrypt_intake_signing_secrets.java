package db.migration;

import io.referrals.referral.service.IntakeConfig;
import io.referrals.referral.service.IntakeSecretCipher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Encrypts the signing secrets stored in plain text before V8 (AES-256-GCM under {@code INTAKE_SECRET_KEY}, as
 * {@link IntakeSecretCipher} reads them). Without the key the migration, and so the service's start, fails with the
 * reason; with no plain secret stored it needs no key.
 */
public class V8__encrypt_intake_signing_secrets extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Map<String, String> plain = new LinkedHashMap<>();
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery(
                        "select id, signing_secret from intake_link where signing_secret like 'whsec\\_%'")) {
            while (rows.next()) {
                plain.put(rows.getString(1), rows.getString(2));
            }
        }
        if (plain.isEmpty()) {
            return;
        }
        IntakeConfig config = ConfigProvider.getConfig()
                .unwrap(io.smallrye.config.SmallRyeConfig.class)
                .getConfigMapping(IntakeConfig.class);
        IntakeSecretCipher.Keys keys = IntakeSecretCipher.Keys.of(
                config.secretKey(), config.previousSecretKeys().orElse(List.of()));
        try (PreparedStatement update =
                connection.prepareStatement("update intake_link set signing_secret = ? where id = ?::uuid")) {
            for (Map.Entry<String, String> row : plain.entrySet()) {
                update.setString(1, keys.encrypt(row.getKey(), row.getValue()));
                update.setString(2, row.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
