package io.referrals.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line as deploy/local-stack/README.md describes it; each option changes its own setting only. */
class OptionsTest {

    @Test
    void everyOptionSetsItsOwnSetting() {
        Options options = Options.parse(
                "--demo",
                "--clean",
                "--data-dir",
                "data",
                "--port-offset=7",
                "--repo-root",
                "repo",
                "--services",
                "partner-service, referral-service",
                "--ready-timeout",
                "9",
                "--all-interfaces",
                "--fast",
                "--backup",
                "backup.tar.gz");
        assertTrue(options.demo());
        assertTrue(options.clean());
        assertEquals(Path.of("data").toAbsolutePath(), options.dataDir());
        assertEquals(7, options.portOffset());
        assertEquals(Path.of("repo").toAbsolutePath(), options.repoRoot());
        assertEquals(List.of("partner-service", "referral-service"), options.services());
        assertEquals(Duration.ofSeconds(9), options.readyTimeout());
        assertTrue(options.allInterfaces());
        assertTrue(options.fast());
        assertEquals(Path.of("backup.tar.gz").toAbsolutePath(), options.backup());
        assertNull(options.restore());
        assertFalse(options.help());
    }

    @Test
    void theDefaultsAreThoseOfTheHelp() {
        Options options = Options.parse("--help");
        assertTrue(options.help());
        assertFalse(options.demo());
        assertFalse(options.clean());
        assertEquals(Path.of(".local-stack").toAbsolutePath(), options.dataDir());
        assertEquals(0, options.portOffset());
        assertEquals(ServiceDefinition.allNames(), options.services());
        assertEquals(Duration.ofSeconds(180), options.readyTimeout());
        assertFalse(options.allInterfaces());
        assertFalse(options.fast());
        assertEquals("127.0.0.1", options.bindAddress());
    }

    @Test
    void anotherEnvironmentLeavesTheCommandLineAsItWas() {
        Options parsed = Options.parse("--restore", "backup.tar.gz", "--port-offset", "100", "--fast");
        Environment environment = Environment.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka.internal:9092"));
        Options options = parsed.withEnvironment(environment);
        assertEquals(environment, options.environment());
        assertEquals(Path.of("backup.tar.gz").toAbsolutePath(), options.restore());
        assertEquals(100, options.portOffset());
        assertTrue(options.fast());
        assertEquals(parsed, options.withEnvironment(parsed.environment()));
    }

    @Test
    void aChangedSettingIsCheckedLikeAParsedOne() {
        assertThrows(IllegalArgumentException.class, () -> Options.defaults().withPortOffset(-1));
        assertThrows(IllegalArgumentException.class, () -> Options.defaults().withServices(List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> Options.parse("--restore", "a.tar.gz").withClean(true));
    }
}
