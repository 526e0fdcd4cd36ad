package io.referrals.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console and the partners' portal in a real browser: the platform started by the launcher, its gateway serving
 * the built console, and console/'s browser tests (Debian's Chromium driven by playwright-core) run against it with
 * {@code npm run test:browser}: e2e/flow.test.ts (a practice's morning), e2e/portal.test.ts (a partner invited,
 * signed in by the mailed link, at phone width) and e2e/campaigns.test.ts (a campaign with two variants created,
 * previewed, started and its results read; the public referral form at /refer/) and e2e/bookings.test.ts (Cal.com
 * connected in Settings, a signed booking received and matched by hand on the Bookings page). Skipped, saying so, only where /usr/bin/chromium is not installed ({@code apt-get install chromium};
 * .ci/run installs it).
 */
class ConsoleBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path REPO_ROOT = Path.of("../..").toAbsolutePath().normalize(); // failsafe's directory
    private static final Path CONSOLE = REPO_ROOT.resolve("console");
    private static final long BROWSER_TESTS_MINUTES = 10;

    private static RunningStack stack;
    private static ConsoleGateway gateway;
    private static Path dataDir;

    @BeforeAll
    static void startPlatform() throws IOException {
        assumeTrue(
                Files.isExecutable(CHROMIUM),
                "SKIPPED: the console's browser tests need Chromium at /usr/bin/chromium (apt-get install -y chromium)");
        dataDir = Files.createTempDirectory("console-browser");
        Options options = Options.defaults()
                .withRepoRoot(REPO_ROOT)
                .withDataDir(dataDir)
                .withClean(true)
                .withPortOffset(3500); // beside a developer's own stack; Kafka above the ephemeral range (Ports)
        stack = LocalStack.start(options);
        gateway = ConsoleGateway.start(stack, options);
        assertNotNull(gateway, "port " + (ConsoleGateway.BASE_PORT + 3500) + " is taken");
        assertTrue(gateway.consoleBuilt(), "console/target/dist is missing: the console module builds it");
    }

    @AfterAll
    static void stopPlatform() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
        if (stack != null) {
            stack.close();
        }
        StackLogs.keepLogsAndDelete(dataDir, "ConsoleBrowserIT");
    }

    @Test
    void theGatewayRoutesByPathPrefixAndAnswersAppRoutesWithTheConsole() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = stack.token("gateway-check", "owner");
        HttpResponse<String> partners = http.send(
                HttpRequest.newBuilder(gateway.address().resolve("/api/partners"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, partners.statusCode(), partners.body());
        HttpResponse<String> route = http.send(
                HttpRequest.newBuilder(gateway.address().resolve("/partners/some-id"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, route.statusCode());
        assertTrue(route.body().contains("<div id=\"app\""), route.body());
        HttpResponse<String> badSignIn = http.send(
                HttpRequest.newBuilder(gateway.address().resolve("/dev/token"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"practice\":\"Not Valid\",\"role\":\"admin\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, badSignIn.statusCode());
        assertTrue(badSignIn.body().contains("\"field\":\"practice\""), badSignIn.body());
        assertTrue(badSignIn.body().contains("\"field\":\"role\""), badSignIn.body());
    }

    @Test
    void aPracticeWorksThroughTheConsoleAndAPartnerThroughThePortalInChromium() throws Exception {
        Path screenshots = CONSOLE.resolve("target").resolve("screenshots");
        Files.createDirectories(screenshots);
        // Its output is copied line by line: a child writing straight to this JVM's stdout would corrupt failsafe's
        // channel to the forked test JVM.
        ProcessBuilder npm = new ProcessBuilder(List.of("npm", "run", "--silent", "test:browser"))
                .directory(CONSOLE.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        npm.environment().put("CONSOLE_URL", gateway.address().toString());
        npm.environment().put("SCREENSHOTS", screenshots.toString());
        npm.environment().put("CHROMIUM", CHROMIUM.toString());
        // The portal's test reads the partner's sign-in link from the mail the stack's SMTP server received.
        npm.environment().put("MAIL_DIR", stack.mailDirectory().toString());
        Process process = npm.start();
        Thread copy = new Thread(() -> process.inputReader().lines().forEach(System.out::println), "browser-tests");
        copy.setDaemon(true);
        copy.start();
        try {
            boolean finished = process.waitFor(BROWSER_TESTS_MINUTES, TimeUnit.MINUTES);
            assertTrue(finished, "the browser tests did not finish in " + BROWSER_TESTS_MINUTES + " minutes");
            copy.join(Duration.ofSeconds(10).toMillis());
            assertEquals(0, process.exitValue(), "npm run test:browser failed; its output is above");
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        assertTrue(Files.isRegularFile(screenshots.resolve("dashboard.png")), "no dashboard screenshot");
        assertTrue(Files.isRegularFile(screenshots.resolve("portal-home.png")), "no portal screenshot");
    }
}
