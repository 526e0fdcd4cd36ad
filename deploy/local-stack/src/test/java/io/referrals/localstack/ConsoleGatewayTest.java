package io.referrals.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console gateway on its own, over real sockets: the development sign-in ({@code POST /dev/token}) mints a token
 * only for a request from this machine (a loopback peer) that names the gateway itself in its {@code Host} (so a web
 * page cannot reach it by DNS rebinding) and, from a browser, comes from the gateway's own origin. Tokens are signed
 * with a real data directory key; {@code /api/...} goes to a real HTTP server standing in for a service.
 */
class ConsoleGatewayTest {
    private static final int PORT_OFFSET = 3610; // gateway on 11690: beside a developer's stack and the ITs' offsets
    private static final String SIGN_IN = "{\"practice\":\"gateway-test\",\"role\":\"owner\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dataDir;
    private HttpServer partnerService;
    private final AtomicInteger minted = new AtomicInteger();
    private ConsoleGateway gateway;

    @BeforeEach
    void startAService() throws IOException {
        dataDir = Files.createTempDirectory("console-gateway");
        partnerService = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        partnerService.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = ("{\"authorization\":\""
                                + exchange.getRequestHeaders().getFirst("Authorization") + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        partnerService.start();
    }

    @AfterEach
    void stop() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
        partnerService.stop(0);
        try (var files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void signInFromThisMachineNamingTheGatewayGivesAToken() throws IOException {
        gateway = start(false);
        int port = gateway.port();
        for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "LOCALHOST:" + port)) {
            Answer answer = post(InetAddress.getLoopbackAddress(), port, host, null, SIGN_IN);
            assertEquals(200, answer.status(), host + ": " + answer.body());
            JsonNode body = JSON.readTree(answer.body());
            assertEquals(3, body.path("token").asText().split("\\.").length, answer.body());
            assertEquals("gateway-test", body.path("practice").asText());
        }
        // The console's own sign-in page (a same-origin fetch carries an Origin), and the console served by Vite's
        // dev server, which proxies /dev to the gateway under the gateway's own Host (Vite's proxy shorthand changes
        // the Host to its target's: console/vite.config.ts).
        for (String origin : List.of("http://localhost:" + port, "http://localhost:5173", "http://127.0.0.1:5173")) {
            Answer fromTheConsole = post(InetAddress.getLoopbackAddress(), port, "localhost:" + port, origin, SIGN_IN);
            assertEquals(200, fromTheConsole.status(), origin + ": " + fromTheConsole.body());
        }
        assertEquals(6, minted.get());
    }

    @Test
    void aHostOtherThanTheGatewayIsRefusedAndNothingIsMinted() throws IOException {
        gateway = start(false);
        int port = gateway.port();
        for (String host : List.of(
                "evil.example",
                "evil.example:" + port,
                "localhost.evil.example:" + port,
                "127.0.0.1.nip.io:" + port,
                "localhost",
                "localhost:" + (port + 1),
                "localhost:" + port + "@evil.example",
                "")) {
            Answer answer = post(InetAddress.getLoopbackAddress(), port, host, null, SIGN_IN);
            assertRefused(answer, 421, "Host: " + host);
        }
        assertEquals(0, minted.get(), "no token is signed for a refused request");
    }

    @Test
    void aBrowserPageFromAnotherOriginIsRefusedAndNothingIsMinted() throws IOException {
        gateway = start(false);
        int port = gateway.port();
        for (String origin : List.of(
                "http://evil.example",
                "https://evil.example:" + port,
                "http://localhost.evil.example:" + port,
                "http://localhost@evil.example",
                "file://",
                "null")) {
            Answer answer = post(InetAddress.getLoopbackAddress(), port, "localhost:" + port, origin, SIGN_IN);
            assertRefused(answer, 403, "Origin: " + origin);
        }
        assertEquals(0, minted.get(), "no token is signed for a refused request");
    }

    @Test
    void onAllInterfacesAPeerOnAnotherAddressIsRefusedButStillReachesTheApis() throws IOException {
        InetAddress external = nonLoopbackAddress();
        assumeTrue(
                external != null,
                "SKIPPED: this machine has no non-loopback IPv4 address to connect from;"
                        + " refusesEveryPeerButLoopback covers the rule itself");
        gateway = start(true);
        int port = gateway.port();
        Answer answer = post(external, port, "localhost:" + port, null, SIGN_IN);
        assertRefused(answer, 403, "a peer at " + external.getHostAddress());
        assertEquals(0, minted.get(), "no token is signed for a refused request");
        // The APIs stay reachable from the network with --all-interfaces: a caller brings its own token.
        Answer api = send(
                external,
                port,
                "GET /api/partners HTTP/1.1\r\nHost: " + external.getHostAddress() + ":" + port
                        + "\r\nAuthorization: Bearer its-own\r\nConnection: close\r\n\r\n");
        assertEquals(200, api.status(), api.body());
        assertTrue(api.body().contains("Bearer its-own"), api.body());
        // And this machine still signs in.
        Answer local = post(InetAddress.getLoopbackAddress(), port, "localhost:" + port, null, SIGN_IN);
        assertEquals(200, local.status(), local.body());
        assertEquals(1, minted.get());
    }

    @Test
    void refusesEveryPeerButLoopback() throws IOException {
        int port = 8080;
        for (String peer : List.of("192.0.2.7", "10.1.2.3", "172.17.0.1", "fd00::2", "fe80::1", "0.0.0.0")) {
            assertNotNull(
                    ConsoleGateway.devSignInRefusal(InetAddress.getByName(peer), "localhost:" + port, null, port),
                    peer);
        }
        for (String peer : List.of("127.0.0.1", "127.0.0.2", "::1")) {
            assertEquals(
                    null,
                    ConsoleGateway.devSignInRefusal(InetAddress.getByName(peer), "localhost:" + port, null, port),
                    peer);
        }
        assertEquals(
                null,
                ConsoleGateway.devSignInRefusal(
                        InetAddress.getByName("::1"), "[::1]:" + port, "http://[::1]:" + port, port));
    }

    @Test
    void pathsUnderPortalAnswerThePartnersPortalAndEveryOtherAppRouteTheConsole() throws IOException {
        Path dist = dataDir.resolve("console").resolve("target").resolve("dist");
        Files.createDirectories(dist.resolve("assets"));
        Files.writeString(dist.resolve("index.html"), "<title>console</title>");
        Files.writeString(dist.resolve("portal.html"), "<title>portal</title>");
        Files.writeString(dist.resolve("assets").resolve("app.js"), "// js");
        gateway = start(false);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (String path : List.of("/portal", "/portal/", "/portal/sign-in", "/portal/kit?practice=demo-practice")) {
            Answer answer = get(loopback, gateway.port(), path);
            assertEquals(200, answer.status(), path);
            assertEquals("<title>portal</title>", answer.body(), path);
        }
        for (String path : List.of("/", "/partners/42", "/portals", "/settings")) {
            Answer answer = get(loopback, gateway.port(), path);
            assertEquals(200, answer.status(), path);
            assertEquals("<title>console</title>", answer.body(), path);
        }
        assertEquals("// js", get(loopback, gateway.port(), "/assets/app.js").body());
        assertEquals(404, get(loopback, gateway.port(), "/portal/missing.js").status());
    }

    @Test
    void theReferralFormAnswersUnderReferAndTheConsoleKeepsItsReferrals() throws IOException {
        Path dist = dataDir.resolve("console").resolve("target").resolve("dist");
        Files.createDirectories(dist);
        Files.writeString(dist.resolve("index.html"), "<title>console</title>");
        Files.writeString(dist.resolve("portal.html"), "<title>portal</title>");
        Files.writeString(dist.resolve("refer.html"), "<title>refer</title>");
        gateway = start(false);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        // The token is in the fragment, which no browser sends: the gateway sees /refer/ alone.
        for (String path : List.of("/refer", "/refer/", "/refer/?utm=ask")) {
            Answer answer = get(loopback, gateway.port(), path);
            assertEquals(200, answer.status(), path);
            assertEquals("<title>refer</title>", answer.body(), path);
        }
        for (String path : List.of("/referrals", "/referrals/42", "/referral-settings", "/campaigns/7/results")) {
            Answer answer = get(loopback, gateway.port(), path);
            assertEquals(200, answer.status(), path);
            assertEquals("<title>console</title>", answer.body(), path);
        }
        assertEquals(404, get(loopback, gateway.port(), "/refer/missing.js").status());
    }

    // --- helpers

    private static Answer get(InetAddress address, int port, String path) throws IOException {
        return send(
                address,
                port,
                "GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n");
    }

    private ConsoleGateway start(boolean allInterfaces) {
        ConsoleGateway.Backend backend = new ConsoleGateway.Backend() {
            private final DevKeys keys = DevKeys.of(new DataDirectory(dataDir));

            @Override
            public List<String> serviceNames() {
                return List.of("partner-service");
            }

            @Override
            public int servicePort(String service) {
                return partnerService.getAddress().getPort();
            }

            @Override
            public String token(Duration validFor, String tenantId, String... roles) {
                minted.incrementAndGet();
                return keys.token(tenantId, validFor, roles);
            }
        };
        ConsoleGateway started = ConsoleGateway.start(
                backend,
                Options.defaults()
                        .withDataDir(dataDir)
                        .withRepoRoot(dataDir)
                        .withPortOffset(PORT_OFFSET)
                        .withAllInterfaces(allInterfaces));
        assertNotNull(started, "port " + (ConsoleGateway.BASE_PORT + PORT_OFFSET) + " is taken");
        return started;
    }

    private static void assertRefused(Answer answer, int status, String what) throws IOException {
        assertEquals(status, answer.status(), what + ": " + answer.body());
        assertTrue(answer.headers().toLowerCase().contains("content-type: application/problem+json"), what);
        JsonNode problem = JSON.readTree(answer.body());
        assertEquals(status, problem.path("status").asInt(), what);
        assertFalse(problem.path("detail").asText().isBlank(), what);
        assertFalse(answer.body().contains("eyJ"), what + " answered something like a token: " + answer.body());
    }

    /** The first address of an interface that is up and not loopback: how another machine would reach this one. */
    private static InetAddress nonLoopbackAddress() throws SocketException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return address;
                }
            }
        }
        return null;
    }

    record Answer(int status, String headers, String body) {}

    /** A raw HTTP/1.1 request, so that the Host and Origin headers are exactly what a test says. */
    private static Answer post(InetAddress address, int port, String host, String origin, String body)
            throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        return send(
                address,
                port,
                "POST /dev/token HTTP/1.1\r\nHost: " + host + "\r\n"
                        + (origin == null ? "" : "Origin: " + origin + "\r\n")
                        + "Content-Type: application/json\r\nContent-Length: " + content.length
                        + "\r\nConnection: close\r\n\r\n" + body);
    }

    private static Answer send(InetAddress address, int port, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            String head = end < 0 ? response : response.substring(0, end);
            String rest = end < 0 ? "" : response.substring(end + 4);
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            return new Answer(status, head, rest);
        }
    }
}
