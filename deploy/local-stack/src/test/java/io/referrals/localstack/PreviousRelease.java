package io.referrals.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The platform as it was before its newest schema change, packaged: the code that still runs in a rolling update
 * while the first new pod migrates the schema. Chosen from the repository's git history and built once per commit
 * under {@code target/upgrade-from/<commit>/}.
 */
final class PreviousRelease {
    /** {@code -Dupgrade.from=<rev>} picks the previous release instead of the default. */
    static final String PROPERTY = "upgrade.from";

    /**
     * Every schema change of every service: their SQL migrations (db/migration), the platform's shared ones in
     * libs/service-runtime (db/platform) and Java migrations.
     */
    private static final List<String> MIGRATIONS =
            List.of(":(glob)**/src/main/resources/db/**", ":(glob)**/src/main/java/db/migration/**");

    private static final String SHARED_CONFIG =
            "libs/service-runtime/src/main/resources/META-INF/microprofile-config.properties";
    private static final String TOLERANCE_SETTING = "quarkus.flyway.ignore-migration-patterns";

    private static final Pattern VERSIONED = Pattern.compile("V([0-9_.]+)__.+\\.(sql|java)");
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(30);

    /** The commit to run and why it was chosen, for the test's output. */
    record Revision(String commit, String why) {
        String shortCommit() {
            return commit.substring(0, 10);
        }
    }

    private PreviousRelease() {}

    /**
     * {@code -Dupgrade.from} if given; else, with migrations changed in the working tree, HEAD (the code before them);
     * else the first parent of the newest commit on HEAD's first-parent line that changed a migration, so the newest
     * migrations always meet the code from before them; but never older than the first release that starts on a
     * newer schema at all.
     */
    static Revision choose(Path repoRoot) {
        requireHistory(repoRoot);
        String requested = System.getProperty(PROPERTY, "").trim();
        if (!requested.isEmpty()) {
            return new Revision(
                    git(repoRoot, "rev-parse", "--verify", requested + "^{commit}"), "-D" + PROPERTY + "=" + requested);
        }
        List<String> status = new ArrayList<>(List.of("status", "--porcelain", "--"));
        status.addAll(MIGRATIONS);
        if (!git(repoRoot, status.toArray(String[]::new)).isBlank()) {
            return new Revision(git(repoRoot, "rev-parse", "HEAD"), "HEAD: the working tree changes migrations");
        }
        List<String> log = new ArrayList<>(List.of("log", "--first-parent", "-1", "--format=%H %s", "HEAD", "--"));
        log.addAll(MIGRATIONS);
        String newest = git(repoRoot, log.toArray(String[]::new));
        if (newest.isBlank()) {
            throw new IllegalStateException("No commit on HEAD's history changes a migration; pass -D" + PROPERTY
                    + "=<rev> to choose the previous release");
        }
        String commit = newest.substring(0, newest.indexOf(' '));
        Revision beforeNewest = new Revision(
                git(repoRoot, "rev-parse", "--verify", commit + "^1"),
                "the parent of " + commit.substring(0, 10) + " (" + newest.substring(newest.indexOf(' ') + 1)
                        + "), the newest commit that changed a migration");
        return notBeforeTolerance(repoRoot, beforeNewest);
    }

    /**
     * No older than the commit that made the services start on a schema newer than their migrations: a release
     * before it crashes on any newer schema (Flyway 12 refuses unknown applied migrations by default), so upgrades
     * from it were never without downtime, and the check starts from the first release that can be.
     */
    private static Revision notBeforeTolerance(Path repoRoot, Revision chosen) {
        String tolerance = git(
                        repoRoot,
                        "log",
                        "--first-parent",
                        "--reverse",
                        "--format=%H",
                        "-S" + TOLERANCE_SETTING,
                        "HEAD",
                        "--",
                        SHARED_CONFIG)
                .lines()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        SHARED_CONFIG + " never set " + TOLERANCE_SETTING + ": no release survives a newer schema"));
        boolean olderThanTolerance = !chosen.commit().equals(tolerance)
                && gitSucceeds(repoRoot, "merge-base", "--is-ancestor", chosen.commit(), tolerance);
        return olderThanTolerance
                ? new Revision(
                        tolerance,
                        "the first release that starts on a newer schema ("
                                + TOLERANCE_SETTING + "); " + chosen.why() + ", " + chosen.shortCommit()
                                + ", is older")
                : chosen;
    }

    /** Fails with what to do when the history the choice needs is not there (no git, not a clone, shallow). */
    private static void requireHistory(Path repoRoot) {
        String howTo = "UpgradeCompatibilityIT needs the repository's git history to find the release before the"
                + " newest migration: run it in a full git clone (`git clone <repo>`, or `git fetch --unshallow` in a"
                + " shallow one), optionally with -D" + PROPERTY + "=<rev> to choose that release.";
        String shallow;
        try {
            shallow = git(repoRoot, "rev-parse", "--is-shallow-repository");
        } catch (RuntimeException e) {
            throw new IllegalStateException(howTo + " Git said: " + e.getMessage(), e);
        }
        if (!shallow.equals("false")) {
            throw new IllegalStateException(howTo + " " + repoRoot + " is a shallow clone.");
        }
    }

    /**
     * The revision's four services packaged (fast-jar, no AOT cache) in {@code cacheRoot/<commit>/}, a copy of its
     * tree made by {@code git archive}; built once, then reused while the marker file says the build finished.
     * Runs the copy's own Maven wrapper on this JVM's JDK, offline: the outer build has every dependency in the
     * local repository already. Not under the machine's Maven lock: this runs inside a build that holds it.
     */
    static Path packaged(Revision revision, Path repoRoot, Path cacheRoot) {
        Path tree = cacheRoot.resolve(revision.commit());
        Path finished = tree.resolve(".upgrade-from-packaged");
        boolean jarsThere = ServiceDefinition.ALL.stream().allMatch(s -> Files.isRegularFile(s.jar(tree)));
        if (Files.isRegularFile(finished) && jarsThere) {
            System.out.println("Previous release " + revision.shortCommit() + " already packaged in " + tree);
            return tree;
        }
        Instant start = Instant.now();
        try {
            // One packaged release at a time (about 350 MB each): the one this build needs.
            deleteOtherReleases(cacheRoot);
            deleteTree(tree);
            Files.createDirectories(tree);
            Path archive = cacheRoot.resolve(revision.commit() + ".tar");
            git(repoRoot, "archive", "--format=tar", "-o", archive.toString(), revision.commit());
            run(tree, cacheRoot.resolve(revision.commit() + "-extract.log"), List.of("tar", "-xf", archive.toString()));
            Files.delete(archive);
            List<String> build = new ArrayList<>(List.of(
                    "./mvnw",
                    "-o",
                    "-q",
                    "--batch-mode",
                    "package",
                    "-Dmaven.test.skip=true",
                    "-Dquarkus.package.jar.aot.enabled=false",
                    "-Dspotless.check.skip=true",
                    "-pl",
                    String.join(",", ServiceDefinition.allNames()),
                    "-am"));
            String localRepository = System.getProperty("maven.repo.local");
            if (localRepository != null && !localRepository.isBlank()) {
                build.add("-Dmaven.repo.local=" + localRepository);
            }
            System.out.println("Packaging the previous release " + revision.shortCommit() + " in " + tree + " ...");
            run(tree, cacheRoot.resolve(revision.commit() + "-build.log"), build);
            Files.writeString(finished, revision.commit() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf(
                "Previous release packaged in %s s%n", RunningStack.seconds(Duration.between(start, Instant.now())));
        return tree;
    }

    /**
     * The versions of the migrations a tree's services have, per schema ({@code partner}, ...), as Flyway writes them
     * into {@code flyway_schema_history.version} ({@code 12}, {@code 0.1}).
     */
    static Map<String, List<String>> migrationVersions(Path tree) {
        Map<String, List<String>> versions = new TreeMap<>();
        List<String> shared = versionsIn(tree.resolve("libs/service-runtime/src/main/resources/db/platform"));
        for (String service : ServiceDefinition.allNames()) {
            List<String> own = new ArrayList<>(shared);
            own.addAll(versionsIn(tree.resolve(service).resolve("src/main/resources/db/migration")));
            own.addAll(versionsIn(tree.resolve(service).resolve("src/main/java/db/migration")));
            versions.put(service.substring(0, service.indexOf('-')), own);
        }
        return versions;
    }

    private static List<String> versionsIn(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> VERSIONED.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> m.group(1).replace('_', '.'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String git(Path repoRoot, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", repoRoot.toString()));
        command.addAll(List.of(args));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", command), e);
        }
    }

    private static boolean gitSucceeds(Path repoRoot, String... args) {
        try {
            git(repoRoot, args);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Runs a command on this JVM's JDK with its output in {@code log}; a failure shows the log's end. */
    private static void run(Path directory, Path log, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        String javaHome = System.getProperty("java.home");
        builder.environment().put("JAVA_HOME", javaHome);
        builder.environment()
                .put("PATH", Path.of(javaHome, "bin") + java.io.File.pathSeparator + System.getenv("PATH"));
        Process process = builder.start();
        try {
            if (!process.waitFor(BUILD_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                ChildProcesses.kill(process);
                throw new IllegalStateException(
                        String.join(" ", command) + " took longer than " + BUILD_TIMEOUT + "; its output: " + log);
            }
        } catch (InterruptedException e) {
            ChildProcesses.kill(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", command), e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed in " + directory + " (exit code "
                    + process.exitValue() + "); last lines of " + log + ":\n" + ChildProcesses.tail(log, 40));
        }
    }

    private static void deleteOtherReleases(Path cacheRoot) throws IOException {
        if (!Files.isDirectory(cacheRoot)) {
            return;
        }
        try (Stream<Path> entries = Files.list(cacheRoot)) {
            for (Path entry : entries.toList()) {
                if (entry.getFileName().toString().matches("[0-9a-f]{40}.*")) {
                    deleteTree(entry);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
