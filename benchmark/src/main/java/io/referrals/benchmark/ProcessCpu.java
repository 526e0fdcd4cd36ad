package io.referrals.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * CPU time a process has used, from Linux's {@code /proc/<pid>/stat}: user + system time of the process, plus that of
 * its children it has reaped, plus the same for each child still alive. A PostgreSQL server is a tree (the postmaster
 * and a process per connection and helper), and a backend that exits during a measurement is in its parent's reaped
 * time afterwards, so the tree's total only grows.
 */
final class ProcessCpu {
    /** Clock ticks per second of {@code /proc} times (USER_HZ); 100 on every Linux the JDK runs on unless told. */
    private static final long TICKS_PER_SECOND = ticksPerSecond();

    private ProcessCpu() {}

    /** Whether this machine tells CPU times this way. */
    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    /** The CPU time of {@code pid} and its descendants, in milliseconds; empty if the process is gone. */
    static Optional<Long> treeMillis(long pid) {
        Optional<Long> own = millis(pid);
        if (own.isEmpty()) {
            return own;
        }
        long total = own.get();
        List<ProcessHandle> descendants =
                ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of());
        for (ProcessHandle child : descendants) {
            total += millis(child.pid()).orElse(0L); // one that has just exited is in its parent's reaped time next
        }
        return Optional.of(total);
    }

    /** How many processes the tree of {@code pid} has now, itself included. */
    static long treeSize(long pid) {
        return ProcessHandle.of(pid).map(p -> 1 + p.descendants().count()).orElse(0L);
    }

    /** The process's own user + system time and its reaped children's, in milliseconds. */
    static Optional<Long> millis(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        } catch (IOException e) {
            return Optional.empty();
        }
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state); utime, stime, cutime, cstime are fields 14 to 17.
        long ticks = 0;
        for (int field = 14; field <= 17; field++) {
            ticks += Long.parseLong(fields[field - 3]);
        }
        return Optional.of(ticks * 1000 / TICKS_PER_SECOND);
    }

    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                return Long.parseLong(out);
            }
        } catch (IOException | NumberFormatException e) {
            // the usual value below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }

    /** A process (or tree) to measure: what it is, and how to read its CPU milliseconds now. */
    record Probe(String name, long pid, boolean tree) {
        Optional<Long> read() {
            return tree ? treeMillis(pid) : millis(pid);
        }
    }

    /** The CPU milliseconds of each probe now, in order; -1 for one that is gone. */
    static List<Long> sample(List<Probe> probes) {
        List<Long> readings = new ArrayList<>();
        for (Probe probe : probes) {
            readings.add(probe.read().orElse(-1L));
        }
        return readings;
    }
}
