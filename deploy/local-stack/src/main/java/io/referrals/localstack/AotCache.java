package io.referrals.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The AOT cache (JEP 483/514/515) beside a service's jar, {@code target/quarkus-app/app.aot}, and whether a service may
 * start from it.
 *
 * <p>The JVM checks less than a launcher must: a cache made by another JDK build, or for JVM options it cannot honour,
 * is refused with a warning and the service starts without it (slowly, but correctly); a cache older than a rebuilt jar
 * is <em>not</em> noticed, and the JVM would run the classes the cache holds instead of the new ones. So a cache is
 * used only when it is newer than every file of the application, and when the JVM that will run the service, with the
 * service's own options, accepts it ({@code -XX:AOTMode=on}, which fails instead of warning). Otherwise the launcher
 * says why on the console and starts the service without it.
 */
final class AotCache {
    static final String FILE = "app.aot";

    /** What was decided for one start: the JVM options to add, and a line for the console when a cache was refused. */
    record Decision(List<String> jvmOptions, Optional<String> refusal) {
        static Decision none() {
            return new Decision(List.of(), Optional.empty());
        }

        static Decision refused(String why) {
            return new Decision(List.of(), Optional.of(why));
        }

        static Decision use() {
            return new Decision(List.of("-XX:AOTCache=" + FILE), Optional.empty());
        }

        boolean used() {
            return !jvmOptions.isEmpty();
        }
    }

    private final Path appDirectory;
    private final String java;
    private final List<String> serviceJvmOptions;
    private FileTime probedCache;
    private Decision probed;

    /**
     * @param jar the service's {@code quarkus-run.jar}; the cache and the application's files are beside it
     * @param java the java executable that runs the service
     * @param serviceJvmOptions the options the service runs with: the cache must have been made compatibly with them
     */
    AotCache(Path jar, String java, List<String> serviceJvmOptions) {
        this.appDirectory = jar.toAbsolutePath().getParent();
        this.java = java;
        this.serviceJvmOptions = List.copyOf(serviceJvmOptions);
    }

    /** Checked at every start: a rebuild between two restarts makes the cache stale. */
    synchronized Decision decide() {
        if (serviceJvmOptions.stream().anyMatch(option -> option.startsWith("-XX:AOT"))) {
            return Decision.none(); // the options say what to do with a cache (a training run writes one)
        }
        Path cache = appDirectory.resolve(FILE);
        if (!Files.isRegularFile(cache)) {
            return Decision.none();
        }
        if (Runtime.version().feature() < 25) {
            return Decision.refused("this JVM (" + Runtime.version() + ") cannot use an AOT cache; it needs Java 25");
        }
        FileTime made = modified(cache);
        Optional<Path> newer = newerThan(made);
        if (newer.isPresent()) {
            return Decision.refused(appDirectory.relativize(newer.get()) + " is newer than the AOT cache " + FILE
                    + ", which would run the classes it was made from: rebuild (./mvnw package)");
        }
        if (!made.equals(probedCache)) {
            probed = probe();
            probedCache = made;
        }
        return probed;
    }

    /** The first file of the application modified after the cache was written, if any. */
    private Optional<Path> newerThan(FileTime made) {
        List<Path> files = new ArrayList<>();
        files.add(appDirectory.resolve("quarkus-run.jar"));
        for (String directory : List.of("lib", "app", "quarkus")) {
            Path tree = appDirectory.resolve(directory);
            if (Files.isDirectory(tree)) {
                try (Stream<Path> walk = Files.walk(tree)) {
                    walk.filter(Files::isRegularFile).forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files.stream()
                .filter(Files::exists)
                .filter(file -> modified(file).compareTo(made) > 0)
                .findFirst();
    }

    /**
     * Starts this JVM with the service's options and the cache made mandatory, for {@code -version} only: it exits 0
     * if it mapped the cache, 1 (with the reason) if it could not, in a fraction of a second.
     */
    private Decision probe() {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(serviceJvmOptions);
        command.addAll(List.of(
                "-XX:AOTMode=on", "-XX:AOTCache=" + FILE, "-cp", "quarkus-run.jar", "-Xlog:aot=error", "-version"));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(appDirectory.toFile())
                    .redirectErrorStream(true)
                    .start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Decision.refused("the JVM did not answer whether it can use the AOT cache " + FILE);
            }
            if (process.exitValue() == 0) {
                return Decision.use();
            }
            return Decision.refused("the AOT cache " + FILE + " was made by another JDK build or for other JVM options"
                    + " (" + reason(new String(output, StandardCharsets.UTF_8)) + "): rebuild (./mvnw package)"
                    + " with this JDK, or ./run.sh --train-aot");
        } catch (IOException e) {
            return Decision.refused("cannot check the AOT cache " + FILE + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Decision.refused("interrupted while checking the AOT cache " + FILE);
        }
    }

    /** The JVM's reasons, e.g. "Loading static archive failed; Unable to map shared spaces". */
    private static String reason(String output) {
        List<String> reasons = output.lines()
                .filter(line -> line.contains("[aot]"))
                .map(line ->
                        line.substring(line.indexOf("[aot]") + "[aot]".length()).strip())
                .filter(line -> !line.startsWith("An error has occurred"))
                .toList();
        return reasons.isEmpty() ? "refused" : String.join("; ", reasons);
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
