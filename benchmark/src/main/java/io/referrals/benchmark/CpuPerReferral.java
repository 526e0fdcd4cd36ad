package io.referrals.benchmark;

import io.referrals.localstack.RunningStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * CPU time per referral of every process of the platform over the measured intake (issue 31's budget: on 2 cores
 * PostgreSQL, the broker, four services and the load generator share the CPU). Read from {@code /proc} at the start
 * of the intake, at its end and once every consumer has caught up, so that work a consumer put off until after the
 * load shows too.
 */
final class CpuPerReferral {
    private static final String BROKER_MAIN_CLASS = "kafka.Kafka";

    private final List<ProcessCpu.Probe> probes;
    private final List<Long> atStart;
    private final long startNanos;
    private List<Long> atEnd;
    private long endNanos;
    private List<Long> caughtUp;
    private long caughtUpNanos;

    private CpuPerReferral(List<ProcessCpu.Probe> probes) {
        this.probes = probes;
        this.startNanos = System.nanoTime();
        this.atStart = ProcessCpu.sample(probes);
    }

    /** Starts measuring every process of {@code stack} it can find; empty where {@code /proc} is not there. */
    static Optional<CpuPerReferral> start(RunningStack stack) {
        if (!ProcessCpu.available()) {
            return Optional.empty();
        }
        return Optional.of(new CpuPerReferral(probes(stack)));
    }

    private static List<ProcessCpu.Probe> probes(RunningStack stack) {
        List<ProcessCpu.Probe> probes = new ArrayList<>();
        for (String service : stack.serviceNames()) {
            long pid = stack.servicePid(service);
            probes.add(new ProcessCpu.Probe(service + " (pid " + pid + ")", pid, false));
        }
        stack.database()
                .postmaster()
                .ifPresent(postmaster -> probes.add(new ProcessCpu.Probe(
                        "PostgreSQL (postmaster " + postmaster.pid() + " and its "
                                + (ProcessCpu.treeSize(postmaster.pid()) - 1) + " processes)",
                        postmaster.pid(),
                        true)));
        // The launcher runs the broker as a child JVM of its own (of this JVM, here); it tells no pid, its command
        // line names the broker's main class.
        broker().ifPresent(pid -> probes.add(
                new ProcessCpu.Probe("Kafka broker (the launcher's child JVM, pid " + pid + ")", pid, false)));
        long self = ProcessHandle.current().pid();
        probes.add(new ProcessCpu.Probe(
                "benchmark JVM (pid " + self + "; load generator, launcher, SMTP server, webhook receiver)",
                self,
                false));
        return probes;
    }

    private static Optional<Long> broker() {
        return ProcessHandle.current()
                .children()
                .map(ProcessHandle::pid)
                .filter(pid -> commandLine(pid).contains(BROKER_MAIN_CLASS))
                .findFirst();
    }

    private static List<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"));
            return List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    void intakeEnded() {
        endNanos = System.nanoTime();
        atEnd = ProcessCpu.sample(probes);
    }

    void consumersCaughtUp() {
        caughtUpNanos = System.nanoTime();
        caughtUp = ProcessCpu.sample(probes);
    }

    /**
     * Per process: CPU seconds and ms per referral during the intake, the cores it kept busy, and ms per referral
     * from the start of the intake until every consumer had caught up; a total row last.
     */
    Report.Table table(long referrals) {
        List<List<Object>> rows = new ArrayList<>();
        long totalIntake = 0;
        long totalCaughtUp = 0;
        for (int i = 0; i < probes.size(); i++) {
            long intake = delta(atStart.get(i), atEnd.get(i));
            long untilCaughtUp = delta(atStart.get(i), caughtUp.get(i));
            if (intake >= 0) {
                totalIntake += intake;
            }
            if (untilCaughtUp >= 0) {
                totalCaughtUp += untilCaughtUp;
            }
            rows.add(row(probes.get(i).name(), intake, untilCaughtUp, referrals));
        }
        rows.add(row("all processes", totalIntake, totalCaughtUp, referrals));
        return new Report.Table(
                String.format(
                        Locale.ROOT,
                        "CPU per referral (%d referrals; intake %.1f s, until every consumer caught up %.1f s)",
                        referrals,
                        (endNanos - startNanos) / 1e9,
                        (caughtUpNanos - startNanos) / 1e9),
                List.of(
                        "process",
                        "CPU s, intake",
                        "cores busy",
                        "ms/referral, intake",
                        "CPU s, until caught up",
                        "ms/referral, until caught up"),
                rows);
    }

    private List<Object> row(String name, long intakeMillis, long caughtUpMillis, long referrals) {
        double intakeSeconds = (endNanos - startNanos) / 1e9;
        return List.of(
                name,
                intakeMillis < 0 ? "gone" : format("%.2f", intakeMillis / 1000.0),
                intakeMillis < 0 ? "-" : format("%.2f", intakeMillis / 1000.0 / intakeSeconds),
                intakeMillis < 0 || referrals == 0 ? "-" : format("%.3f", (double) intakeMillis / referrals),
                caughtUpMillis < 0 ? "gone" : format("%.2f", caughtUpMillis / 1000.0),
                caughtUpMillis < 0 || referrals == 0 ? "-" : format("%.3f", (double) caughtUpMillis / referrals));
    }

    /** -1 when the process was gone at either reading (restarted by the watch: its CPU is not comparable). */
    private static long delta(long before, long after) {
        return before < 0 || after < 0 || after < before ? -1 : after - before;
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
