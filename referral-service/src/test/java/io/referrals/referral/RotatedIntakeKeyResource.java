package io.referrals.referral;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.referrals.referral.service.IntakeSecretCipher;
import io.referrals.referral.service.IntakeSecrets;
import io.referrals.testing.PlatformTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * The database as a referral-service that is about to start with a rotated key finds it: the schema migrated, and
 * signed intake links of one practice whose secrets are stored under the key rotated away (more than one batch of
 * them) and one in plain text, and a partner's link whose token is kept under the old key. The service then starts with {@link #CURRENT_KEY} as {@code INTAKE_SECRET_KEY} and the
 * test profile's key as {@code INTAKE_PREVIOUS_SECRET_KEYS}.
 */
public class RotatedIntakeKeyResource implements QuarkusTestResourceLifecycleManager {
    /** The test profile's {@code referral.intake.secret-key}: the key rotated away. */
    static final String PREVIOUS_KEY = "s2ZxlR67hIzqrgbM2Kx+0ih6tox6rz2gRV6ziFrNEJw=";

    static final String CURRENT_KEY = "3q5l0wQ1Qy8mV9b2sXoZk4P7cR6tY1uN0eJhGfDaBcE=";
    static final String TENANT = "practice-key-rotation";
    static final String SECRET = "whsec_" + "cm90YXRpb24tdGVzdC1zaWduaW5nLXNlY3JldC0zMmI=";
    static final int UNDER_PREVIOUS_KEY = 150;

    static UUID previousKeyLink(int i) {
        return UUID.nameUUIDFromBytes(("rotation-previous-" + i).getBytes());
    }

    static String previousKeyToken(int i) {
        return "il_rotation-previous-" + i;
    }

    /** A partner's own link (unsigned, bound), whose token is kept encrypted under the previous key for the portal. */
    static final UUID PARTNER_LINK = UUID.nameUUIDFromBytes("rotation-partner".getBytes());

    static final String PARTNER_TOKEN = "il_rotation-partner";
    static final String PARTNER_TENANT = "practice-key-rotation-partner";

    static final UUID PLAIN_LINK = UUID.nameUUIDFromBytes("rotation-plain".getBytes());
    static final String PLAIN_TOKEN = "il_rotation-plain";

    /** A Cal.com booking integration whose signing secret is stored under the previous key (issue 30). */
    static final UUID BOOKING_INTEGRATION = UUID.nameUUIDFromBytes("rotation-booking".getBytes());

    static final String BOOKING_TOKEN = "bk_rotation-booking";
    static final String BOOKING_SECRET = "whsec_rotation-booking-secret";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(new PlatformTestResource().start());
        String url = config.get("quarkus.datasource.jdbc.url");
        String user = config.get("quarkus.datasource.username");
        String password = config.get("quarkus.datasource.password");
        Flyway.configure()
                .dataSource(url, user, password)
                .schemas("referral")
                .defaultSchema("referral")
                .locations("classpath:db/migration", "classpath:db/platform")
                .load()
                .migrate();
        IntakeSecretCipher.Keys previous = IntakeSecretCipher.Keys.of(Optional.of(PREVIOUS_KEY), List.of());
        try (Connection connection = DriverManager.getConnection(url, user, password);
                PreparedStatement insert = connection.prepareStatement("""
                        insert into referral.intake_link (id, tenant_id, name, signed, token_hash, signing_secret,
                            rate_limit_per_minute, daily_cap, created_at)
                        values (?, ?, ?, true, ?, ?, 600, 1000, now())
                        on conflict (id) do update set signing_secret = excluded.signing_secret""")) {
            for (int i = 0; i < UNDER_PREVIOUS_KEY; i++) {
                UUID id = previousKeyLink(i);
                add(
                        insert,
                        id,
                        "Under the previous key " + i,
                        previousKeyToken(i),
                        previous.encrypt(id.toString(), SECRET));
            }
            add(insert, PLAIN_LINK, "Stored in plain text", PLAIN_TOKEN, SECRET);
            insert.executeBatch();
            try (PreparedStatement partnerLink = connection.prepareStatement("""
                    insert into referral.intake_link (id, tenant_id, name, partner_id, signed, token_hash, partner_token,
                        rate_limit_per_minute, daily_cap, created_at)
                    values (?, ?, 'A partner link', ?, false, ?, ?, 60, 1000, now())
                    on conflict (id) do update set partner_token = excluded.partner_token""")) {
                partnerLink.setObject(1, PARTNER_LINK);
                partnerLink.setString(2, PARTNER_TENANT);
                partnerLink.setObject(3, UUID.nameUUIDFromBytes("rotation-partner-id".getBytes()));
                partnerLink.setString(4, IntakeSecrets.hash(PARTNER_TOKEN));
                partnerLink.setString(5, previous.encrypt(PARTNER_LINK + "/token", PARTNER_TOKEN));
                partnerLink.executeUpdate();
            }
            try (PreparedStatement booking = connection.prepareStatement("""
                    insert into referral.booking_integration (id, tenant_id, provider, booking_page_url, token_hash,
                        token_hint, signing_secret, connected_at)
                    values (?, ?, 'CALCOM', 'https://cal.com/rotation/consultation', ?, 'bk_rota', ?, now())
                    on conflict (id) do update set signing_secret = excluded.signing_secret""")) {
                booking.setObject(1, BOOKING_INTEGRATION);
                booking.setString(2, TENANT);
                booking.setString(3, IntakeSecrets.hash(BOOKING_TOKEN));
                booking.setString(4, previous.encrypt("booking-integration/" + BOOKING_INTEGRATION, BOOKING_SECRET));
                booking.executeUpdate();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot prepare the intake links", e);
        }
        config.put("referral.intake.secret-key", CURRENT_KEY);
        config.put("referral.intake.previous-secret-keys", PREVIOUS_KEY);
        return config;
    }

    private static void add(PreparedStatement insert, UUID id, String name, String token, String secret)
            throws Exception {
        insert.setObject(1, id);
        insert.setString(2, TENANT);
        insert.setString(3, name);
        insert.setString(4, IntakeSecrets.hash(token));
        insert.setString(5, secret);
        insert.addBatch();
    }

    @Override
    public void stop() {
        // The database is PlatformTestResource's, kept for the whole JVM.
    }
}
