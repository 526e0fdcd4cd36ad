package io.referrals.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the launcher starts a service from its AOT cache, with a real cache made by this JDK: only a current one the
 * JVM accepts with the service's options; a stale one or one made for other options is refused, with the reason.
 */
class AotCacheTest {
    private static final String JAVA = ChildProcesses.javaExecutable();
    private static final List<String> SERVICE_OPTIONS = ServiceProcess.SMALL_MACHINE_JVM_OPTIONS;

    @TempDir
    Path app;

    private Path jar;

    @BeforeEach
    void anApplication() throws IOException {
        jar = app.resolve("quarkus-run.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // An empty application: what the cache holds here is the JDK's own classes.
        }
        Files.createDirectories(app.resolve("lib/main"));
        Files.writeString(app.resolve("lib/main/library.jar"), "not read");
        age(jar, 60);
        age(app.resolve("lib/main/library.jar"), 60);
    }

    @Test
    void noCacheMeansNoOptionAndNothingToSay() {
        AotCache.Decision decision = new AotCache(jar, JAVA, SERVICE_OPTIONS).decide();

        assertFalse(decision.used());
        assertEquals(java.util.Optional.empty(), decision.refusal());
    }

    @Test
    void aCurrentCacheThisJvmAcceptsIsUsed() throws Exception {
        makeCache(List.of());

        AotCache.Decision decision = new AotCache(jar, JAVA, SERVICE_OPTIONS).decide();

        assertEquals(java.util.Optional.empty(), decision.refusal());
        assertEquals(List.of("-XX:AOTCache=app.aot"), decision.jvmOptions());
    }

    @Test
    void aJarRebuiltAfterTheCacheMakesItStale() throws Exception {
        makeCache(List.of());
        AotCache cache = new AotCache(jar, JAVA, SERVICE_OPTIONS);
        assertTrue(cache.decide().used());

        Files.setLastModifiedTime(
                app.resolve("lib/main/library.jar"), FileTime.from(Instant.now().plusSeconds(5)));
        AotCache.Decision decision = cache.decide();

        assertFalse(decision.used());
        String why = decision.refusal().orElseThrow();
        assertTrue(why.contains("lib/main/library.jar is newer than the AOT cache"), why);
    }

    @Test
    void aCacheMadeForOtherJvmOptionsIsRefusedWithTheJvmsReason() throws Exception {
        makeCache(List.of()); // without compact object headers

        List<String> withCompactHeaders = new java.util.ArrayList<>(SERVICE_OPTIONS);
        withCompactHeaders.add("-XX:+UseCompactObjectHeaders");
        AotCache.Decision decision = new AotCache(jar, JAVA, withCompactHeaders).decide();

        assertFalse(decision.used());
        String why = decision.refusal().orElseThrow();
        assertTrue(why.contains("made by another JDK build or for other JVM options"), why);
        assertTrue(why.contains("Unable to map shared spaces"), why);
    }

    @Test
    void whatIsNotACacheOfThisJdkIsRefused() throws Exception {
        byte[] notACache = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(notACache);
        Files.write(app.resolve(AotCache.FILE), notACache);

        AotCache.Decision decision = new AotCache(jar, JAVA, SERVICE_OPTIONS).decide();

        assertFalse(decision.used());
        assertTrue(decision.refusal().isPresent());
    }

    @Test
    void aTrainingRunsOptionsDecideForThemselves() throws Exception {
        makeCache(List.of());
        List<String> training = new java.util.ArrayList<>(SERVICE_OPTIONS);
        training.add("-XX:AOTCacheOutput=app.aot.trained");

        AotCache.Decision decision = new AotCache(jar, JAVA, training).decide();

        assertFalse(decision.used());
        assertEquals(java.util.Optional.empty(), decision.refusal());
    }

    /** A real cache, made by this JDK from a run of the JVM alone on the application's class path. */
    private void makeCache(List<String> options) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(JAVA);
        command.addAll(options);
        command.addAll(List.of("-XX:AOTCacheOutput=" + AotCache.FILE, "-cp", "quarkus-run.jar", "-version"));
        Process process = new ProcessBuilder(command)
                .directory(app.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        assertTrue(Files.isRegularFile(app.resolve(AotCache.FILE)));
    }

    private static void age(Path file, int seconds) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(seconds)));
    }
}
