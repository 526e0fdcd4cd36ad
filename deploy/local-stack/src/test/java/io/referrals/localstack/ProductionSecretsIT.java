package io.referrals.localstack;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.referrals.testing.DevTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A packaged service (production profile) started without a secret it needs stops at once and names the missing
 * variable, instead of running with a default anyone could guess.
 */
class ProductionSecretsIT {

    @Test
    void aMissingDatabasePasswordStopsTheServiceWithItsName() throws Exception {
        String output = startWithout("DB_PASSWORD");
        assertTrue(output.contains("DB_PASSWORD"), output);
    }

    @Test
    void aMissingTokenIssuerStopsTheServiceWithItsName() throws Exception {
        String output = startWithout("JWT_ISSUER");
        assertTrue(output.contains("JWT_ISSUER"), output);
    }

    @Test
    void aMissingPortalSigningKeyStopsTheServiceWithItsName() throws Exception {
        String output = startWithout("PORTAL_JWT_PRIVATE_KEY_LOCATION");
        assertTrue(output.contains("PORTAL_JWT_PRIVATE_KEY_LOCATION"), output);
    }

    private static String startWithout(String missing) throws Exception {
        Path dir = Files.createTempDirectory("secrets-it");
        Path key = Files.writeString(dir.resolve("public-key.pem"), DevTokens.publicKeyPem());
        Path portalPrivate = dir.resolve("portal-private-key.pem");
        Path portalPublic = dir.resolve("portal-public-key.pem");
        for (Path file : List.of(portalPrivate, portalPublic)) {
            try (var in =
                    ProductionSecretsIT.class.getClassLoader().getResourceAsStream("dev-keys/" + file.getFileName())) {
                Files.write(file, in.readAllBytes());
            }
        }
        Path log = dir.resolve("service.log");
        ProcessBuilder builder = new ProcessBuilder(
                        ChildProcesses.javaExecutable(),
                        "-Xmx128m",
                        "-jar",
                        ServiceDefinition.named("partner-service")
                                .jar(Path.of("../..").toAbsolutePath().normalize())
                                .toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet()
                .removeIf(name -> name.startsWith("DB_")
                        || name.startsWith("JWT_")
                        || name.startsWith("PORTAL_")
                        || name.startsWith("KAFKA"));
        env.put("DB_URL", "jdbc:postgresql://127.0.0.1:1/none");
        env.put("DB_USER", "nobody");
        env.put("DB_PASSWORD", "not-used");
        env.put("JWT_ISSUER", "https://issuer.example");
        env.put("JWT_PUBLIC_KEY_LOCATION", key.toString());
        env.put("PORTAL_JWT_PRIVATE_KEY_LOCATION", portalPrivate.toString());
        env.put("PORTAL_JWT_PUBLIC_KEY_LOCATION", portalPublic.toString());
        env.put("PORTAL_JWT_ISSUER", "https://portal.issuer.example");
        env.put("PORTAL_BASE_URL", "https://console.example");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
        env.put("PORT", "0");
        env.put("QUARKUS_MANAGEMENT_PORT", "0");
        env.put("LOG_JSON", "false");
        env.remove(missing);
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the service kept running without " + missing);
            assertNotEquals(0, process.exitValue());
            return Files.readString(log);
        } finally {
            process.destroyForcibly();
        }
    }
}
