package io.referrals.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.Consent;
import io.referrals.testing.PlatformTestResource;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service as configured by default, against an SMTP server that offers no STARTTLS (as a server whose offer an
 * attacker on the path strips would look): no mail goes out in the clear, and the reason is stored.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(StartTlsTest.PlainSmtpServer.class)
class StartTlsTest {
    private final Events events = new Events();

    @Test
    void byDefaultNoMailGoesToAServerThatOffersNoStartTls() {
        events.settings("referral_thank_you");
        events.received("Ann One", Consent.OUTCOME);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> events.as("viewer")
                        .get("/api/notifications?partnerId=" + events.partnerId)
                        .then()
                        .body("total", equalTo(1))
                        .body("items[0].status", equalTo("queued"))
                        .body("items[0].attempts", greaterThanOrEqualTo(1))
                        .body("items[0].lastError", containsString("STARTTLS")));
        assertEquals(0, PlainSmtpServer.server.getReceivedMessages().length, "nothing was sent in the clear");
    }

    /** An SMTP server without STARTTLS; only its address is configured, so the service's own default applies. */
    public static class PlainSmtpServer implements QuarkusTestResourceLifecycleManager {
        static GreenMail server;

        @Override
        public Map<String, String> start() {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            server.start();
            return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(port));
        }

        @Override
        public void stop() {
            server.stop();
        }
    }
}
