package io.referrals.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import sun.misc.Signal;

/**
 * Runs the whole platform on one machine: {@code java -jar deploy/local-stack/target/local-stack.jar [--demo]}.
 * Tests use {@link #start(Options)} instead of {@link #main}.
 */
public final class LocalStack {
    private LocalStack() {}

    /** Starts PostgreSQL, Kafka and the services and returns once every service is ready. */
    public static RunningStack start(Options options) {
        return RunningStack.start(options);
    }

    /**
     * The services' JVM options when {@code SERVICE_JVM_OPTIONS} gives none (for a laptop or a 2-core machine); a
     * program that adds options of its own (the AOT cache's training run) starts from these.
     */
    public static List<String> smallMachineJvmOptions() {
        return ServiceProcess.SMALL_MACHINE_JVM_OPTIONS;
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(Options.USAGE);
            return;
        }
        logToFile(options.dataDir().resolve("logs").resolve("local-stack.log"));
        if (options.backup() != null || options.restore() != null) {
            try {
                if (options.backup() != null) {
                    DatabaseBackup.backup(options, options.backup());
                } else {
                    DatabaseBackup.restore(options, options.restore());
                }
                // Zonky's shutdown hooks stop a PostgreSQL started for the purpose, if an error left one running.
                System.exit(0);
            } catch (RuntimeException e) {
                System.err.println((options.backup() != null ? "Backup" : "Restore") + " failed: " + describe(e));
                System.exit(1);
            }
            return;
        }
        stopOnSignals();

        RunningStack stack;
        try {
            stack = start(options);
        } catch (StackStartException e) {
            System.err.println();
            System.err.println("The local stack did not start: " + e.getMessage());
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("The local stack did not start: " + describe(e));
            System.err.println("More in " + options.dataDir().resolve("logs"));
            System.exit(1);
            return;
        }
        printReady(stack, options);
        ConsoleGateway console = ConsoleGateway.start(stack, options);
        if (options.fast() && stack.database().isEmbedded()) {
            RunningStack.warnFast();
        }
        if (options.demo()) {
            loadDemoData(stack);
        }
        if (console != null) {
            printConsole(console, options.demo(), options.allInterfaces());
        }
        System.out.println();
        System.out.println("Press Ctrl-C to stop.");
        stack.awaitClosed();
    }

    private static void printReady(RunningStack stack, Options options) {
        DataDirectory dataDir = stack.dataDir();
        String firstUrl = "http://localhost:"
                + Ports.management(stack.servicePort(stack.serviceNames().get(0)));
        System.out.println();
        System.out.println("Platform ready in " + RunningStack.seconds(stack.startupTime()) + " s");
        System.out.println();
        System.out.println("Swagger UI (on each service's management port; its API is on the port in the curl below):");
        for (String name : stack.serviceNames()) {
            System.out.printf(
                    "  %-22s http://localhost:%d/q/swagger-ui%n", name, Ports.management(stack.servicePort(name)));
        }
        System.out.println();
        System.out.println("Logs:        " + dataDir.logs());
        System.out.println("PostgreSQL:  " + stack.database().jdbcUrl()
                + (stack.database().isEmbedded() ? " (embedded, data in " + dataDir.postgres() + ")" : ""));
        System.out.println("Kafka:       " + stack.kafkaBootstrapServers());
        if (stack.serviceNames().contains("notification-service")
                && options.environment().externalSmtpHost().isEmpty()) {
            System.out.println("Mail:        SMTP on 127.0.0.1:" + stack.smtpPort() + "; every message sent is kept as"
                    + " an .eml file in " + stack.mailDirectory());
        }
        System.out.println();
        System.out.println("Dev token (tenant " + DemoData.TENANT + ", role owner, valid 12 h), also in "
                + dataDir.devToken() + ":");
        System.out.println(stack.devToken());
        System.out.println();
        System.out.println("Try it:");
        System.out.println("  TOKEN=$(cat " + dataDir.devToken() + ")");
        if (stack.serviceNames().contains("partner-service")) {
            System.out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" http://localhost:"
                    + stack.servicePort("partner-service") + "/api/partners");
        } else {
            System.out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" " + firstUrl + "/q/openapi");
        }
    }

    private static void printConsole(ConsoleGateway console, boolean demo, boolean allInterfaces) {
        System.out.println();
        System.out.println("Console:     " + console.address() + "  (development sign-in: pick a practice and a role"
                + (demo ? "; the demo data is in " + DemoData.TENANT : "") + ")");
        System.out.println("             the same origin routes /api/... to the service owning the path");
        if (allInterfaces) {
            System.out.println("             on every interface (--all-interfaces); the development sign-in answers"
                    + " this machine only");
        }
        if (!console.consoleBuilt()) {
            System.out.println(
                    "             not built yet: ./mvnw package -DskipTests -pl console -am (needs Node.js 20)");
        }
    }

    private static void loadDemoData(RunningStack stack) {
        List<String> names = stack.serviceNames();
        if (!names.contains("partner-service")) {
            System.err.println("--demo needs partner-service; no demo data loaded.");
            return;
        }
        Integer referralPort = names.contains("referral-service") ? stack.servicePort("referral-service") : null;
        System.out.println();
        try {
            String summary = new DemoData(stack.devToken(), stack.servicePort("partner-service"), referralPort).load();
            System.out.println("Demo data in tenant " + DemoData.TENANT + ": " + summary + ".");
            if (referralPort != null) {
                System.out.println("Demo data in tenant " + DemoData.TENANT + ": "
                        + new ConsoleDemoData(stack.devToken(), stack.servicePort("partner-service"), referralPort)
                                .load()
                        + ".");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The platform itself is up; leave it running so the failure can be looked at.
            System.err.println("Loading demo data failed: " + describe(e));
        }
    }

    /**
     * Sends the launcher's own library logging (embedded PostgreSQL, Kafka client) to a file, keeping the
     * console for the launcher's messages. Must run before anything logs.
     */
    public static void logToFile(Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
        } catch (java.io.IOException e) {
            return;
        }
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        System.setProperty("local-stack.log-file", logFile.toString());
        var config = LocalStack.class.getResource("/local-stack-logging.properties");
        if (config != null) {
            System.setProperty("logging.configuration", config.toExternalForm());
        }
    }

    /**
     * Ctrl-C and SIGTERM stop the stack in order (services, Kafka, PostgreSQL) before the JVM exits. Left to
     * plain shutdown hooks, the embedded PostgreSQL's own hook would stop the database while services still run.
     */
    public static void stopOnSignals() {
        for (String name : List.of("INT", "TERM")) {
            Signal.handle(new Signal(name), signal -> {
                System.out.println();
                System.out.println(
                        "Stopping the local stack (services, then Kafka, SMTP, PostgreSQL; data is kept) ...");
                RunningStack.closeAll();
                System.out.println("Local stack stopped.");
                System.exit(128 + signal.getNumber());
            });
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            text.append("\n  caused by: ").append(cause);
        }
        return text.toString();
    }
}
