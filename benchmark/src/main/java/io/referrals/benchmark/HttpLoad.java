package io.referrals.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Closed-loop readers: each of N threads sends the next request as soon as the last one is answered. */
final class HttpLoad {
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String token;

    HttpLoad(String token) {
        this.token = token;
    }

    HttpResponse<String> get(URI uri, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Accept", accept)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code readers} threads read {@code uri} for {@code duration}; latencies in microseconds. */
    Report.Row measure(String name, URI uri, int readers, Duration duration) throws Exception {
        return measure(name, List.of(uri), readers, duration);
    }

    /** The same over several URIs, each thread reading them in turn, starting at a different one. */
    Report.Row measure(String name, List<URI> uris, int readers, Duration duration) throws Exception {
        Recorder recorder = new Recorder(3);
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        List<Future<?>> running = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < readers; i++) {
            int first = i;
            running.add(pool.submit(() -> {
                for (int next = first; System.nanoTime() < end; next++) {
                    URI uri = uris.get(next % uris.size());
                    long sent = System.nanoTime();
                    try {
                        int status = get(uri, "application/json").statusCode();
                        if (status != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    recorder.recordValue((System.nanoTime() - sent) / 1000);
                }
                return null;
            }));
        }
        for (Future<?> reader : running) {
            reader.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram histogram = recorder.getIntervalHistogram();
        return Report.Row.of(name, histogram, seconds, errors.get());
    }
}
