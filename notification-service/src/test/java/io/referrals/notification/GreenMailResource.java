package io.referrals.notification;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A real SMTP server (GreenMail) in the test JVM, on a free port; tests may stop and restart it. */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {
    private static GreenMail server;
    private static int port;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            port = freePort();
            startServer();
        }
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(port),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.timeout", "5s");
    }

    @Override
    public void stop() {
        // Kept for the whole JVM, like the database and the broker.
    }

    public static synchronized void stopServer() {
        server.stop();
    }

    /** A new server on the same port: what it receives starts empty. */
    public static synchronized void startServer() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
    }

    /** Every message the server received so far, to any recipient. */
    public static synchronized List<MimeMessage> received() {
        return Arrays.asList(server.getReceivedMessages());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
