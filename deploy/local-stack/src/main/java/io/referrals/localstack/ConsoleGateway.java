package io.referrals.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The local stack's one origin, on port 8080 (plus the stack's port offset): serves the built console
 * ({@code console/target/dist}: any other path without a file extension answers its index.html, one under
 * {@code /portal} the partners' portal, portal.html, and one under {@code /refer} the public referral form a
 * campaign's ask links to, refer.html), routes
 * {@code /api/...} to the service owning the path prefix, and, for development only, mints tokens signed with the data
 * directory's own key for the practice and role picked on the console's sign-in page ({@code POST /dev/token}). A
 * production deployment serves the console from nginx (console/Dockerfile) behind an Ingress and has no such
 * endpoint: there the console signs in with OpenID Connect.
 *
 * <p>The sign-in gives an owner token for any practice to whoever asks, so it answers only this machine, whatever
 * the bind address ({@code --all-interfaces} included): a loopback peer, a {@code Host} naming the gateway itself
 * ({@code localhost}, {@code 127.0.0.1} or {@code [::1]} with its port: a web page that rebinds its own name to
 * 127.0.0.1 sends its own name) and, from a browser, an {@code Origin} on this machine. The rest needs no such
 * guard: the console's files and {@code /config.json} hold nothing secret, and {@code /api/...} asks the services for
 * the caller's own token.
 */
public final class ConsoleGateway implements AutoCloseable {
    static final int BASE_PORT = 8080;

    /** Path prefix → owning service. The services' API paths do not overlap, except {@code /api/people} (below). */
    static final Map<String, String> ROUTES = routes();

    private static final Set<String> ROLES = Set.of("owner", "member", "viewer");
    /** The names this machine's browser and tools reach the gateway by; each with the gateway's port. */
    private static final List<String> OWN_HOSTS = List.of("localhost", "127.0.0.1", "[::1]");

    private static final Pattern PRACTICE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** Hop-by-hop headers, and those java.net.http sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection",
            "content-length",
            "expect",
            "host",
            "keep-alive",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade");

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8",
            "woff2", "font/woff2");

    private final Backend stack;
    private final Path dist;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** What the gateway needs of the stack behind it: where each service listens, and its key to sign tokens with. */
    interface Backend {
        List<String> serviceNames();

        int servicePort(String service);

        String token(Duration validFor, String tenantId, String... roles);
    }

    private ConsoleGateway(Backend stack, Path dist, HttpServer server, ExecutorService executor) {
        this.stack = stack;
        this.dist = dist;
        this.server = server;
        this.executor = executor;
    }

    private static Map<String, String> routes() {
        Map<String, String> routes = new LinkedHashMap<>();
        // /api/portal: the partner portal's sign-in, session and profile (partner-service); each service answers the
        // portal for its own data below it (/api/portal/referrals: referral-service; /api/portal/messages and
        // /api/portal/email-preferences: notification-service).
        for (String prefix :
                List.of("/api/practice", "/api/partners", "/api/campaigns", "/api/portal-access", "/api/portal")) {
            routes.put(prefix, "partner-service");
        }
        // /api/people is also notification-service's part of a person's data export (asked by referral ids); the
        // gateway sends it to referral-service, which lists the person's referrals. The console uses neither.
        for (String prefix : List.of(
                "/api/referrals",
                "/api/referral-settings",
                "/api/intake-links",
                "/api/intake",
                "/api/booking-integrations",
                "/api/bookings",
                "/api/rewards",
                "/api/people",
                "/api/portal/referrals",
                "/api/portal/rewards",
                "/api/portal/given-referrals",
                "/api/portal/balance",
                "/api/portal/intake-link")) {
            routes.put(prefix, "referral-service");
        }
        routes.put("/api/metrics", "metrics-service");
        for (String prefix : List.of(
                "/api/notifications",
                "/api/tasks",
                "/api/templates",
                "/api/unsubscribe",
                "/api/webhooks",
                "/api/hooks",
                "/api/portal/messages",
                "/api/portal/email-preferences")) {
            routes.put(prefix, "notification-service");
        }
        return Map.copyOf(routes);
    }

    /**
     * The service owning {@code path}, matched on whole path segments, the longest prefix winning as in the Ingress
     * ({@code /api/portal/referrals} is referral-service's inside partner-service's {@code /api/portal}); null for none.
     */
    static String serviceFor(String path) {
        String owner = null;
        int longest = -1;
        for (Map.Entry<String, String> route : ROUTES.entrySet()) {
            String prefix = route.getKey();
            if ((path.equals(prefix) || path.startsWith(prefix + "/")) && prefix.length() > longest) {
                owner = route.getValue();
                longest = prefix.length();
            }
        }
        return owner;
    }

    /**
     * Starts the gateway beside a running stack, on {@code 8080 + port offset} of the stack's bind address. Answers
     * null, having said why, when the port is taken: the platform stays usable on its own ports.
     */
    public static ConsoleGateway start(RunningStack stack, Options options) {
        return start((Backend) stack, options);
    }

    static ConsoleGateway start(Backend stack, Options options) {
        int port = BASE_PORT + options.portOffset();
        Path dist = options.repoRoot().resolve("console").resolve("target").resolve("dist");
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(options.bindAddress(), port), 64);
        } catch (BindException e) {
            System.out.println("Console:     not served, port " + port + " is in use (" + e.getMessage() + ")");
            return null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "console-gateway");
            thread.setDaemon(true);
            return thread;
        });
        ConsoleGateway gateway = new ConsoleGateway(stack, dist, server, executor);
        server.createContext("/", gateway::handle);
        server.setExecutor(executor);
        server.start();
        return gateway;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Where to open the console, e.g. {@code http://localhost:8080}. */
    public URI address() {
        return URI.create("http://localhost:" + port());
    }

    /** Whether {@code console/target/dist} holds a built console. */
    public boolean consoleBuilt() {
        return Files.isRegularFile(dist.resolve("index.html"));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/api/")) {
                proxy(exchange, path);
            } else if (path.equals("/dev/token")) {
                devToken(exchange);
            } else if (path.equals("/config.json")) {
                send(exchange, 200, "application/json", "{\"auth\":\"dev\"}".getBytes(StandardCharsets.UTF_8));
            } else {
                staticFile(exchange, path);
            }
        } catch (IOException | RuntimeException e) {
            // The client went away, or a service did not answer in time: nothing more to say to anyone.
            try {
                problem(exchange, 502, "Bad gateway", "The gateway could not complete the request.");
            } catch (IOException | RuntimeException ignored) {
                // The response had already started.
            }
        }
    }

    private void proxy(HttpExchange exchange, String path) throws IOException {
        String service = serviceFor(path);
        if (service == null || !stack.serviceNames().contains(service)) {
            problem(
                    exchange,
                    404,
                    "Not found",
                    service == null ? "No service serves " + path : service + " is not running in this stack");
            return;
        }
        int port = stack.servicePort(service);
        String query = exchange.getRequestURI().getRawQuery();
        URI target = URI.create("http://127.0.0.1:" + port + path + (query == null ? "" : "?" + query));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(30))
                .method(
                        exchange.getRequestMethod(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        request.header("X-Forwarded-Host", "localhost:" + port());
        request.header("X-Forwarded-Proto", "http");
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (IOException e) {
            problem(exchange, 502, "Bad gateway", service + " did not answer");
            return;
        }
        String serviceOrigin = "http://localhost:" + port;
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (NOT_FORWARDED.contains(lower) || lower.startsWith(":")) {
                return;
            }
            for (String value : values) {
                // A Location on the service's own origin is given relative, so it stays on the gateway's.
                if (lower.equals("location") && value.startsWith(serviceOrigin)) {
                    value = value.substring(serviceOrigin.length());
                }
                exchange.getResponseHeaders().add(name, value);
            }
        });
        byte[] answer = response.body();
        boolean empty = answer.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : answer.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    /**
     * Development sign-in: {@code {"practice":"demo-practice","role":"owner"}} gives a token for that practice and
     * role, valid 12 hours, signed with this data directory's own key (worth nothing on another machine's stack).
     */
    private void devToken(HttpExchange exchange) throws IOException {
        Refusal refusal = devSignInRefusal(
                exchange.getRemoteAddress().getAddress(),
                onlyValue(exchange, "Host"),
                onlyValue(exchange, "Origin"),
                port());
        if (refusal != null) {
            problem(exchange, refusal.status(), refusal.title(), refusal.detail());
            return;
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().add("Allow", "POST");
            problem(exchange, 405, "Method not allowed", "POST a practice and a role");
            return;
        }
        JsonNode request;
        try (InputStream in = exchange.getRequestBody()) {
            request = json.readTree(in.readNBytes(4096));
        } catch (IOException e) {
            request = null;
        }
        String practice = request == null ? "" : request.path("practice").asText("");
        String role = request == null ? "" : request.path("role").asText("");
        List<Map<String, String>> errors = new java.util.ArrayList<>();
        if (!PRACTICE.matcher(practice).matches()) {
            errors.add(Map.of(
                    "field", "practice", "message", "lower-case letters, digits and dashes, at most 63 characters"));
        }
        if (!ROLES.contains(role)) {
            errors.add(Map.of("field", "role", "message", "must be one of owner, member, viewer"));
        }
        if (!errors.isEmpty()) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "https://referrals.example/problems/validation-failed");
            problem.put("title", "Request is not valid");
            problem.put("status", 400);
            problem.put("detail", "One or more fields are invalid.");
            problem.put("errors", errors);
            send(exchange, 400, "application/problem+json", json.writeValueAsBytes(problem));
            return;
        }
        String token = stack.token(Duration.ofHours(12), practice, role);
        send(
                exchange,
                200,
                "application/json",
                json.writeValueAsBytes(Map.of("token", token, "practice", practice, "role", role)));
    }

    /** Why the development sign-in refuses a request, answered as a problem without a token. */
    record Refusal(int status, String title, String detail) {}

    /**
     * Null when a development sign-in request may have a token: it comes from this machine ({@code peer} is a loopback
     * address), names the gateway in its {@code Host} ({@code localhost}, {@code 127.0.0.1} or {@code [::1]}, with
     * {@code port}) and carries no {@code Origin} (curl, scripts) or one of this machine's pages (the sign-in page,
     * or Vite's dev server in front of the gateway). Otherwise the reason: 403 for another machine or another page's
     * origin, 421 for a request meant for another host name (DNS rebinding). {@code host} or {@code origin} is
     * {@code ""} when the request repeats that header.
     */
    static Refusal devSignInRefusal(InetAddress peer, String host, String origin, int port) {
        if (peer == null || !peer.isLoopbackAddress()) {
            return new Refusal(
                    403,
                    "Forbidden",
                    "The development sign-in answers this machine only (a loopback address), also with"
                            + " --all-interfaces. Sign in on the machine that runs the stack.");
        }
        Set<String> own = new java.util.HashSet<>();
        for (String name : OWN_HOSTS) {
            own.add(name + ":" + port);
        }
        if (host == null || !own.contains(host.toLowerCase(Locale.ROOT))) {
            return new Refusal(
                    421,
                    "Misdirected request",
                    "The development sign-in answers requests for localhost:" + port + ", 127.0.0.1:" + port
                            + " or [::1]:" + port + " only; this one names another host.");
        }
        if (origin != null && !isThisMachinesPage(origin)) {
            return new Refusal(
                    403,
                    "Forbidden",
                    "The development sign-in answers pages served by this machine (http://localhost:" + port
                            + ", or Vite's dev server) and tools that send no Origin only.");
        }
        return null;
    }

    /**
     * Whether a browser's {@code Origin} is a page served from this machine's loopback names, on any port: the
     * gateway's own, or Vite's dev server proxying to it (console/vite.config.ts). Never another site's page.
     */
    private static boolean isThisMachinesPage(String origin) {
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && OWN_HOSTS.contains(host)
                    && uri.getRawUserInfo() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty());
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** The header's one value; null when absent, "" when repeated (which no legitimate client does). */
    private static String onlyValue(HttpExchange exchange, String name) {
        List<String> values = exchange.getRequestHeaders().get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        return values.size() == 1 ? values.get(0).trim() : "";
    }

    private void staticFile(HttpExchange exchange, String path) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")
                && !exchange.getRequestMethod().equals("HEAD")) {
            problem(exchange, 405, "Method not allowed", "The console's files are read with GET");
            return;
        }
        if (!consoleBuilt()) {
            send(
                    exchange,
                    503,
                    "text/plain; charset=utf-8",
                    ("The console is not built: run ./mvnw package -DskipTests -pl console -am (needs Node.js 20 and"
                                    + " npm), then reload. The API is served under /api/.\n")
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        Path file = dist.resolve(path.substring(1)).normalize();
        String lastSegment = path.substring(path.lastIndexOf('/') + 1);
        if (!file.startsWith(dist) || !Files.isRegularFile(file)) {
            if (lastSegment.contains(".")) {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            // A route of one of the pages: the partners' portal under /portal, the referral form under /refer, the
            // console elsewhere.
            file = dist.resolve(isPortalRoute(path) ? "portal.html" : isReferRoute(path) ? "refer.html" : "index.html");
        }
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1);
        exchange.getResponseHeaders()
                .add("Cache-Control", path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
        send(
                exchange,
                200,
                CONTENT_TYPES.getOrDefault(extension, "application/octet-stream"),
                Files.readAllBytes(file));
    }

    /** Whether {@code path} is a page of the partners' portal ({@code /portal}, {@code /portal/sign-in}, ...). */
    static boolean isPortalRoute(String path) {
        return path.equals("/portal") || path.startsWith("/portal/");
    }

    /** Whether {@code path} is the public referral form ({@code /refer}, {@code /refer/}; its token is in the fragment). */
    static boolean isReferRoute(String path) {
        return path.equals("/refer") || path.startsWith("/refer/");
    }

    private void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        send(exchange, status, "application/problem+json", json.writeValueAsBytes(problem));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
