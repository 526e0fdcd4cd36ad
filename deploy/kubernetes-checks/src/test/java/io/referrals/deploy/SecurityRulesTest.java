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

/** Where the pods may connect to, asserted on every rendered overlay. */
class SecurityRulesTest {
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
