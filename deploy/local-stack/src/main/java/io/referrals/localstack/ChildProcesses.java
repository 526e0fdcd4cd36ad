package io.referrals.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starting, stopping and diagnosing the stack's child JVMs. */
final class ChildProcesses {
    /**
     * A system property on every child's command line. It tells a later launcher which processes a crashed or
     * killed launcher left behind for this data directory.
     */
    static final String DATA_DIR_MARKER = "-Dlocal-stack.data-dir=";

    private ChildProcesses() {}

    /** The java of this process, so children run on the same JDK the user started us with. */
    static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * The classpath for Kafka's own tools: the {@code lib/} directory beside the launcher jar (or beside
     * {@code target/classes} when run from the build, or the one the launcher jar itself is in), else this JVM's
     * classpath.
     */
    static String libraryClasspath() {
        try {
            Path codeSource = Path.of(ChildProcesses.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path beside = codeSource.getParent();
            // A tool that ships the launcher as one of its own libraries (the benchmark) has it in lib/ already.
            Path lib = beside.endsWith("lib") ? beside : beside.resolve("lib");
            if (Files.isDirectory(lib)) {
                return lib.resolve("*").toString();
            }
        } catch (Exception e) {
            // Fall through to the JVM classpath.
        }
        return System.getProperty("java.class.path");
    }

    /**
     * Asks every process to stop (SIGTERM), waits up to {@code grace} for all of them together, then kills
     * what is left together with its descendants.
     */
    static void stop(List<Process> processes, Duration grace) {
        List<Process> alive = processes.stream().filter(Process::isAlive).toList();
        List<List<ProcessHandle>> descendants = new ArrayList<>();
        for (Process process : alive) {
            // Taken before the parent goes: orphans are re-parented and no longer found as descendants.
            descendants.add(process.descendants().toList());
            process.destroy();
        }
        try {
            CompletableFuture.allOf(alive.stream().map(Process::onExit).toArray(CompletableFuture[]::new))
                    .get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            // Some did not stop in time: killed below.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (int i = 0; i < alive.size(); i++) {
            kill(alive.get(i), descendants.get(i));
        }
    }

    /** Kills at once (SIGKILL), descendants included, and waits until it is gone. */
    static void kill(Process process) {
        kill(process, process.descendants().toList());
    }

    private static void kill(Process process, List<ProcessHandle> descendants) {
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Kills the children a previous launcher left running for {@code dataDir} (it died without its shutdown
     * hook, for example by SIGKILL). Safe only while this launcher holds the data directory's lock.
     */
    static void stopLeftovers(Path dataDir) {
        String marker = DATA_DIR_MARKER + dataDir;
        List<ProcessHandle> leftovers = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info()
                        .arguments()
                        .map(args -> Arrays.asList(args).contains(marker))
                        .orElse(false))
                .toList();
        for (ProcessHandle leftover : leftovers) {
            System.out.println("Stopping process " + leftover.pid() + " left over from an earlier run: "
                    + leftover.info().commandLine().orElse("?"));
            leftover.destroy();
        }
        for (ProcessHandle leftover : leftovers) {
            try {
                leftover.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                leftover.destroyForcibly();
            }
        }
        stopLeftoverPostgres(dataDir.resolve("postgres"));
    }

    /** PostgreSQL runs detached from the launcher (pg_ctl), so it outlives a killed launcher. */
    private static void stopLeftoverPostgres(Path postgresData) {
        Path pidFile = postgresData.resolve("postmaster.pid");
        Optional<ProcessHandle> postmaster;
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            postmaster = ProcessHandle.of(pid)
                    .filter(p -> p.info().command().orElse("").endsWith("postgres"));
        } catch (IOException | RuntimeException e) {
            return;
        }
        postmaster.ifPresent(p -> {
            System.out.println("Stopping PostgreSQL (pid " + p.pid() + ") left over from an earlier run");
            p.destroy(); // SIGTERM: PostgreSQL's smart shutdown, quick once its clients are gone
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
    }

    /** The last lines of a log file, for error messages. */
    static String tail(Path log, int lines) {
        if (!Files.exists(log)) {
            return "(no log at " + log + ")";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - 64 * 1024);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
