package io.referrals.benchmark;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Referrals polled until metrics-service's API counts them for their new partner by {@link #POLLERS} pollers, each
 * taking every {@link #POLLERS}th probe, oldest first, one request at a time, pausing {@link #PAUSE} after each answer
 * that does not show it yet: a bounded load on the service (at most {@link #POLLERS} requests in flight) whatever its
 * latency. Polling every probe on its own, as the benchmarks did before, multiplied the requests whenever the service
 * fell behind (sixteen pollers, each every 20 ms), which slowed the consumer further and measured the polling more than
 * the flow. A probe queued behind an older one is timed when it is first seen, so its time is an upper bound: the
 * figures can only err on the slow side.
 */
final class VisibilityProbes {
    private static final int POLLERS = 4;
    private static final Duration PAUSE = Duration.ofMillis(20);
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private record Probe(URI uri, long producedNanos) {}

    private final HttpLoad http;
    private final List<BlockingQueue<Probe>> pending = new ArrayList<>();
    private final List<Thread> pollers = new ArrayList<>();
    private final AtomicLong added = new AtomicLong();
    private final Recorder times = new Recorder(3);
    private final AtomicLong errors = new AtomicLong();
    private volatile boolean closing;

    VisibilityProbes(HttpLoad http) {
        this.http = http;
        for (int i = 0; i < POLLERS; i++) {
            BlockingQueue<Probe> queue = new LinkedBlockingQueue<>();
            Thread poller = new Thread(() -> run(queue), "visibility-probes-" + i);
            poller.setDaemon(true);
            pending.add(queue);
            pollers.add(poller);
            poller.start();
        }
    }

    /** A referral to poll for, timed from {@code producedNanos} (System.nanoTime) to the answer that shows it. */
    void add(URI partnerMetrics, long producedNanos) {
        int poller = (int) (added.getAndIncrement() % POLLERS);
        pending.get(poller).add(new Probe(partnerMetrics, producedNanos));
    }

    /** Waits until every probe added has been seen or given up on; answers the times in microseconds. */
    Histogram finish() throws InterruptedException {
        closing = true;
        for (Thread poller : pollers) {
            poller.join();
        }
        return times.getIntervalHistogram();
    }

    /** Probes not seen within a minute, or whose polling failed. */
    long errors() {
        return errors.get();
    }

    private void run(BlockingQueue<Probe> queue) {
        try {
            while (true) {
                Probe probe = queue.poll(100, TimeUnit.MILLISECONDS);
                if (probe != null) {
                    awaitVisible(probe);
                } else if (closing) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitVisible(Probe probe) throws InterruptedException {
        long deadline = probe.producedNanos() + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var response = http.get(probe.uri(), "application/json");
                if (response.statusCode() == 200 && response.body().contains("\"referralsReceived\":1")) {
                    times.recordValue((System.nanoTime() - probe.producedNanos()) / 1000);
                    return;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                break;
            }
            Thread.sleep(PAUSE.toMillis());
        }
        errors.incrementAndGet();
    }
}
