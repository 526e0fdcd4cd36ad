package io.referrals.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One service running as a child JVM from its fast-jar, its output in {@code logs/<service>.log}. */
final class ServiceProcess {
    private final ServiceDefinition definition;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final DataDirectory dataDir;
    private final AotCache aotCache;
    private Process process;
    private boolean startedBefore;

    /**
     * @param environment set on top of the launcher's own environment, which the JVM inherits
     * @param jvmOptions the JVM's options ({@code SERVICE_JVM_OPTIONS}); empty for the settings for a small machine
     */
    ServiceProcess(
            ServiceDefinition definition,
            Path jar,
            int port,
            Map<String, String> environment,
            List<String> jvmOptions,
            DataDirectory dataDir) {
        this.definition = definition;
        this.jar = jar;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.jvmOptions = jvmOptions.isEmpty() ? SMALL_MACHINE_JVM_OPTIONS : List.copyOf(jvmOptions);
        this.dataDir = dataDir;
        this.aotCache = new AotCache(jar, ChildProcesses.javaExecutable(), this.jvmOptions);
    }

    String name() {
        return definition.name();
    }

    int port() {
        return port;
    }

    Path log() {
        return dataDir.log(name());
    }

    /** Starts the JVM without waiting for it; a restart appends to the log instead of replacing it. */
    synchronized void start() {
        try {
            if (!startedBefore) {
                Files.deleteIfExists(log());
            }
            Files.writeString(
                    log(),
                    "=== local-stack: starting " + name() + " at " + Instant.now() + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            List<String> command = new ArrayList<>();
            command.add(ChildProcesses.javaExecutable());
            command.addAll(jvmOptions);
            // The AOT cache beside the jar, when it is current and this JVM accepts it (AotCache says why not). It
            // holds for the class path it was made with, so the jar runs from its own directory as it did then.
            AotCache.Decision aot = aotCache.decide();
            aot.refusal().ifPresent(why -> System.out.println(name() + ": starting without its AOT cache: " + why));
            command.addAll(aot.jvmOptions());
            command.addAll(List.of(
                    ChildProcesses.DATA_DIR_MARKER + dataDir.root(),
                    "-jar",
                    jar.getFileName().toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(jar.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            startedBefore = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name(), e);
        }
    }

    /**
     * Four services, PostgreSQL and Kafka share a laptop or a 2-core machine: the client compiler only (C2 spent more
     * CPU compiling in the first minutes than the services spent serving, and needs memory of its own), the serial
     * collector (no concurrent GC threads or remembered sets) and a heap that starts small and gives memory back.
     */
    static final List<String> SMALL_MACHINE_JVM_OPTIONS = List.of(
            "-Xms16m",
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30",
            "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=48m",
            "-Xss512k");

    synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name() + " has not been started");
        }
        return process.pid();
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    synchronized int exitCode() {
        return process.exitValue();
    }

    /**
     * True once {@code /q/health/ready} on the management port answers 200, which the services give only with
     * database and Kafka up.
     */
    boolean isReady(HttpClient http) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + Ports.management(port) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** How the JVM ended, for the console: its exit code and where its log is. */
    synchronized String howItEnded() {
        return process == null || process.isAlive()
                ? "running"
                : "exit code " + process.exitValue() + "; its log: " + log();
    }

    /** Kills the JVM at once, as a crash would. */
    synchronized void kill() {
        if (process != null) {
            ChildProcesses.kill(process);
        }
    }

    /** The running JVM, for stopping several services at once; null if never started. */
    synchronized Process process() {
        return process;
    }

    String logTail() {
        return ChildProcesses.tail(log(), 40);
    }

    static void stopAll(List<ServiceProcess> services, Duration grace) {
        ChildProcesses.stop(
                services.stream()
                        .map(ServiceProcess::process)
                        .filter(p -> p != null)
                        .toList(),
                grace);
    }
}
