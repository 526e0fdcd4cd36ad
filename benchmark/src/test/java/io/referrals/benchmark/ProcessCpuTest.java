package io.referrals.benchmark;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CPU time from /proc (Linux only): it grows with work done, and a process that is gone reads as empty. */
class ProcessCpuTest {
    @Test
    void thisJvmsCpuTimeGrowsWhileItWorks() {
        assumeTrue(ProcessCpu.available(), "no /proc here");
        long pid = ProcessHandle.current().pid();
        long before = ProcessCpu.millis(pid).orElseThrow();
        long sink = 0;
        // Work until the kernel's 10 ms ticks show it (bounded: a minute of CPU is far more than needed).
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (ProcessCpu.millis(pid).orElseThrow() < before + 50 && System.nanoTime() < deadline) {
            for (int i = 0; i < 1_000_000; i++) {
                sink += i ^ (sink >>> 3);
            }
        }
        long own = ProcessCpu.millis(pid).orElseThrow();
        assertTrue(own >= before + 50, "no CPU time counted " + sink);
        // Read after the JVM's own time: CPU time only grows, so the tree (itself and its children) counts at least
        // as much. Read the other way round, the JVM's busy threads could add more than any margin in between.
        long tree = ProcessCpu.treeMillis(pid).orElseThrow();
        assertTrue(tree >= own, "tree " + tree + " ms < own " + own + " ms");
    }

    @Test
    void aProcessThatIsGoneReadsAsEmpty() throws Exception {
        assumeTrue(ProcessCpu.available(), "no /proc here");
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        long pid = done.pid();
        assertTrue(ProcessCpu.millis(pid).equals(Optional.empty())
                || ProcessHandle.of(pid).isPresent());
    }
}
