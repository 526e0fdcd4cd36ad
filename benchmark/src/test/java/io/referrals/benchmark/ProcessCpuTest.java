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
        assertTrue(ProcessCpu.millis(pid).orElseThrow() >= before + 50, "no CPU time counted " + sink);
        assertTrue(ProcessCpu.treeMillis(pid).orElseThrow()
                >= ProcessCpu.millis(pid).orElseThrow() - 10);
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
