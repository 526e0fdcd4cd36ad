package io.referrals.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.notification.service.MailTransport;
import io.referrals.testing.PlatformTestResource;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Mail sent through the transport from several threads at once while the SMTP server goes away and comes back (real
 * GreenMail): every send ends with a connection error while it is away, none waits out the mailer's timeout, and each
 * is accepted once it is back. (The same run with the blocking Mailer called from these threads, before the
 * transport, did not hang either in the runs tried: the race the transport closes is narrow.)
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(GreenMailResource.class)
class MailTransportTest {
    private static final int THREADS = 4;
    private static final int SENDS = 40;

    @Inject
    MailTransport transport;

    @Test
    void sendsFromManyThreadsWhileTheServerIsDownFailAtOnceAndGoOutOnceItIsBack() throws Exception {
        String to = "outage." + UUID.randomUUID() + "@example.com";
        GreenMailResource.stopServer();
        Map<String, Integer> failures;
        try {
            failures = sendFromThreads(to, "down");
        } finally {
            GreenMailResource.startServer();
        }
        System.out.printf(
                "[mail transport] %d sends while the server was down ended in %s%n", THREADS * SENDS, failures);
        assertEquals(null, failures.get(TimeoutException.class.getSimpleName()), "no send waited out the timeout");
        assertEquals(null, failures.get("sent"), "nothing was sent to a server that was down");

        Map<String, Integer> outcomes = sendFromThreads(to, "up");
        assertEquals(Map.of("sent", THREADS * SENDS), outcomes, "every send accepted once the server is back");
        assertEquals(THREADS * SENDS, Mailbox.to(to).size());
    }

    /** THREADS threads sending SENDS mails each; how many ended in which way ("sent", or the root cause's class). */
    private Map<String, Integer> sendFromThreads(String to, String phase) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<List<String>> sender = () -> {
                    List<String> outcomes = new ArrayList<>();
                    for (int n = 0; n < SENDS; n++) {
                        try {
                            transport.sendAndWait(Mail.withText(to, phase + " " + thread + "-" + n, "Hello"));
                            outcomes.add("sent");
                        } catch (RuntimeException e) {
                            Throwable root = e;
                            while (root.getCause() != null && root.getCause() != root) {
                                root = root.getCause();
                            }
                            outcomes.add(root.getClass().getSimpleName());
                        }
                    }
                    return outcomes;
                };
                results.add(threads.submit(sender));
            }
            Map<String, Integer> counted = new TreeMap<>();
            for (Future<List<String>> result : results) {
                for (String outcome : result.get()) {
                    counted.merge(outcome, 1, Integer::sum);
                }
            }
            assertTrue(counted.values().stream().mapToInt(Integer::intValue).sum() == THREADS * SENDS);
            return counted;
        } finally {
            threads.shutdownNow();
        }
    }
}
