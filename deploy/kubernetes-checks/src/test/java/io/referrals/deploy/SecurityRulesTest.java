package io.referrals.deploy;

import static io.referrals.deploy.PlatformRulesTest.require;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the package does about credentials in URLs and about where the pods may connect to, asserted on every rendered
 * overlay.
 */
class SecurityRulesTest {
    /** The annotation that turns ingress-nginx's access log off for an Ingress's locations. */
    static final String ACCESS_LOG = "nginx.ingress.kubernetes.io/enable-access-log";

    /**
     * Paths whose last segment is a credential: an intake link's token, an unsubscribe link's signed token, a booking
     * integration's receiving token.
     */
    static final List<String> SECRET_BEARING = List.of(
            "/api/intake/b64url-token_0123456789",
            "/api/intake/b64url-token_0123456789/anything",
            "/api/intake/",
            "/api/unsubscribe/signed.token-0123456789",
            "/api/unsubscribe/signed.token-0123456789/anything",
            "/api/bookings/calcom/bk_b64url-token_0123456789",
            "/api/bookings/calendly/bk_b64url-token_0123456789");

    /** Paths next to them that carry no credential, so their requests stay in the access log. */
    static final List<String> LOGGED = List.of(
            "/api/intake-links",
            "/api/intake-links/3f1c2a4e-0000-0000-0000-000000000000/rotate",
            "/api/referrals",
            "/api/booking-integrations",
            "/api/booking-integrations/3f1c2a4e-0000-0000-0000-000000000000/rotate",
            "/api/bookings",
            "/api/bookings/3f1c2a4e-0000-0000-0000-000000000000/match",
            "/");

    /**
     * IPv4 ranges that are not the public internet (IANA's special-purpose address registry): this network, private,
     * shared address space (CGNAT, also used for pods by some clusters), loopback, link-local (the cloud metadata
     * address 169.254.169.254), IETF protocol assignments, documentation, benchmarking, multicast, reserved and
     * broadcast.
     */
    static final List<String> NON_PUBLIC_IPV4 = List.of(
            "0.0.0.0/8",
            "10.0.0.0/8",
            "100.64.0.0/10",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "172.16.0.0/12",
            "192.0.0.0/24",
            "192.0.2.0/24",
            "192.168.0.0/16",
            "198.18.0.0/15",
            "198.51.100.0/24",
            "203.0.113.0/24",
            "224.0.0.0/4",
            "240.0.0.0/4");

    /**
     * The same for IPv6: unspecified, loopback, IPv4-mapped and NAT64 (both reach IPv4 addresses), documentation,
     * unique local (fc00::/7), link-local, multicast.
     */
    static final List<String> NON_PUBLIC_IPV6 = List.of(
            "::/128", "::1/128", "::ffff:0:0/96", "64:ff9b::/96", "2001:db8::/32", "fc00::/7", "fe80::/10", "ff00::/8");

    /** The Kubernetes API server's ports (6443 on most clusters, 443 on managed ones): in-cluster egress allowed. */
    static final Set<Integer> KUBERNETES_API_PORTS = Set.of(443, 6443);

    @Test
    void secretBearingPathsAreRoutedOnlyThroughAnIngressWithoutAccessLog() {
        List<String> problems = new ArrayList<>();
        for (String overlay : Rendered.OVERLAYS) {
            List<ObjectNode> ingresses = Rendered.ofKind(overlay, "Ingress");
            ObjectNode main = Rendered.named(overlay, "Ingress", "referrals");
            for (ObjectNode ingress : ingresses) {
                String where = overlay + ": Ingress " + Rendered.name(ingress);
                JsonNode annotations = ingress.path("metadata").path("annotations");
                require(
                        problems,
                        where,
                        "no use-regex (it makes every path of the host a regular expression)",
                        !annotations
                                .path("nginx.ingress.kubernetes.io/use-regex")
                                .asText()
                                .equals("true"));
                // The same class, host, TLS, redirect and body limit as the main Ingress: only the log differs.
                require(
                        problems,
                        where,
                        "the main Ingress's class and TLS",
                        ingress.path("spec")
                                        .path("ingressClassName")
                                        .equals(main.path("spec").path("ingressClassName"))
                                && ingress.path("spec")
                                        .path("tls")
                                        .equals(main.path("spec").path("tls")));
                ObjectNode others = annotations.isObject() ? ((ObjectNode) annotations).deepCopy() : null;
                ObjectNode mainOthers = ((ObjectNode) main.path("metadata").path("annotations")).deepCopy();
                if (others != null) {
                    others.remove(ACCESS_LOG);
                }
                mainOthers.remove(ACCESS_LOG);
                require(problems, where, "the main Ingress's annotations " + mainOthers, mainOthers.equals(others));
                for (JsonNode rule : ingress.path("spec").path("rules")) {
                    require(
                            problems,
                            where,
                            "a rule for the public host only ("
                                    + rule.path("host").asText() + ")",
                            rule.path("host").asText().equals("referrals.example.com"));
                    for (JsonNode path : rule.path("http").path("paths")) {
                        String type = path.path("pathType").asText();
                        require(
                                problems,
                                where,
                                path.path("path").asText() + " is Prefix or Exact (" + type + ")",
                                type.equals("Prefix") || type.equals("Exact"));
                    }
                }
            }
            for (String request : SECRET_BEARING) {
                Route route = route(ingresses, request, problems, overlay);
                require(
                        problems,
                        overlay,
                        request + " is routed through an Ingress with " + ACCESS_LOG + " \"false\" (" + route + ")",
                        route != null && !route.logged());
            }
            for (String request : LOGGED) {
                Route route = route(ingresses, request, problems, overlay);
                require(
                        problems,
                        overlay,
                        request + " stays in the access log (" + route + ")",
                        route != null && route.logged());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void internetEgressExcludesPrivateLinkLocalAndClusterRanges() {
        List<Cidr> nonPublic = new ArrayList<>();
        NON_PUBLIC_IPV4.forEach(c -> nonPublic.add(Cidr.parse(c)));
        NON_PUBLIC_IPV6.forEach(c -> nonPublic.add(Cidr.parse(c)));
        List<String> problems = new ArrayList<>();
        for (String overlay : Rendered.OVERLAYS) {
            JsonNode serviceLabels = Rendered.named(overlay, "Deployment", "referral-service")
                    .path("spec")
                    .path("template")
                    .path("metadata")
                    .path("labels");
            for (ObjectNode policy : Rendered.ofKind(overlay, "NetworkPolicy")) {
                String where = overlay + ": NetworkPolicy " + Rendered.name(policy);
                boolean appliesToServices = appliesTo(policy, serviceLabels);
                for (JsonNode rule : policy.path("spec").path("egress")) {
                    Set<Integer> ports = new java.util.TreeSet<>();
                    rule.path("ports").forEach(p -> ports.add(p.path("port").asInt()));
                    for (JsonNode peer : rule.path("to")) {
                        if (!peer.has("ipBlock")) {
                            continue;
                        }
                        Cidr block =
                                Cidr.parse(peer.path("ipBlock").path("cidr").asText());
                        List<Cidr> except = new ArrayList<>();
                        peer.path("ipBlock").path("except").forEach(e -> except.add(Cidr.parse(e.asText())));
                        for (Cidr range : nonPublic) {
                            if (range.contains(block)) {
                                // A narrow in-cluster rule (the Kubernetes API server): never for the services,
                                // which call addresses a practice chooses (webhooks), and only on the API's ports.
                                require(
                                        problems,
                                        where,
                                        "egress to " + block + " (inside " + range + ") not for the services",
                                        !appliesToServices);
                                require(
                                        problems,
                                        where,
                                        "egress to " + block + " (inside " + range + ") only to the Kubernetes API's"
                                                + " ports " + KUBERNETES_API_PORTS + " (" + ports + ")",
                                        !ports.isEmpty() && KUBERNETES_API_PORTS.containsAll(ports));
                            } else if (block.contains(range)) {
                                require(
                                        problems,
                                        where,
                                        "egress to " + block + " excepts " + range + " (" + except + ")",
                                        except.stream().anyMatch(e -> e.contains(range)));
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    // --- helpers

    /** Where an Ingress path sends a request, and whether that Ingress writes it to the access log. */
    record Route(String ingress, String path, String type, boolean logged) {}

    /**
     * The path ingress-nginx picks for a request among every Ingress of the host: an Exact path equal to it, else the
     * longest Prefix path whose segments it starts with (the Ingress API's matching rules). Two equal candidates in
     * different Ingresses are ambiguous (the controller picks the oldest), which is a problem of its own.
     */
    static Route route(List<ObjectNode> ingresses, String request, List<String> problems, String overlay) {
        Route best = null;
        List<Route> ties = new ArrayList<>();
        for (ObjectNode ingress : ingresses) {
            boolean logged = !ingress.path("metadata")
                    .path("annotations")
                    .path(ACCESS_LOG)
                    .asText("true")
                    .equals("false");
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    String p = path.path("path").asText();
                    String type = path.path("pathType").asText();
                    String prefix = p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
                    boolean matches = type.equals("Exact")
                            ? request.equals(p)
                            : prefix.equals("/") || request.equals(prefix) || request.startsWith(prefix + "/");
                    if (!matches) {
                        continue;
                    }
                    Route candidate = new Route(Rendered.name(ingress), p, type, logged);
                    int order = best == null ? 1 : compare(candidate, best);
                    if (order > 0) {
                        best = candidate;
                        ties.clear();
                    } else if (order == 0) {
                        ties.add(candidate);
                    }
                }
            }
        }
        for (Route tie : ties) {
            require(problems, overlay, request + ": one route only (" + best + " and " + tie + ")", false);
        }
        return best;
    }

    private static int compare(Route a, Route b) {
        boolean aExact = a.type().equals("Exact");
        boolean bExact = b.type().equals("Exact");
        if (aExact != bExact) {
            return aExact ? 1 : -1;
        }
        return Integer.compare(a.path().length(), b.path().length());
    }

    /** Whether the policy's podSelector selects pods with these labels (an empty selector selects every pod). */
    private static boolean appliesTo(JsonNode policy, JsonNode labels) {
        JsonNode selector = policy.path("spec").path("podSelector");
        if (selector.has("matchExpressions")) {
            throw new AssertionError(Rendered.name(policy) + ": matchExpressions, which these checks do not read");
        }
        for (Map.Entry<String, JsonNode> label : selector.path("matchLabels").properties()) {
            if (!label.getValue().asText().equals(labels.path(label.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }
}
