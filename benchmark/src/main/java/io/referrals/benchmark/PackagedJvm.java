package io.referrals.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A service's JVM as the Kubernetes package runs it, so that the benchmark measures what a practice would run: the
 * package's {@code JAVA_TOOL_OPTIONS}, read from the checkout's {@code platform.env} so the two cannot drift apart, and
 * the serial collector, which the JVM chooses by itself in the package's pods (their 768 MiB memory limit is below
 * the 1792 MB it wants before it picks G1) but not on a machine with more memory.
 */
final class PackagedJvm {
    static final Path PLATFORM_SETTINGS = Path.of("deploy", "kubernetes", "platform", "platform.env");
    private static final String KEY = "JAVA_TOOL_OPTIONS=";

    private PackagedJvm() {}

    static String options(Path repoRoot) {
        Path file = repoRoot.resolve(PLATFORM_SETTINGS);
        try (Stream<String> lines = Files.lines(file)) {
            String options = lines.filter(line -> line.startsWith(KEY))
                    .map(line -> line.substring(KEY.length()).trim())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(file + " sets no JAVA_TOOL_OPTIONS"));
            return options + " -XX:+UseSerialGC";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the package's JVM options from " + file, e);
        }
    }
}
