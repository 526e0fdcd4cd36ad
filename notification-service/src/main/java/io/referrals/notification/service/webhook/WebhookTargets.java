package io.referrals.notification.service.webhook;

import io.referrals.notification.service.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a webhook may be sent (SSRF guard). An endpoint's URL must be https (http only where configured, for local
 * development), and its host is resolved once: if any of its addresses is loopback, private, link-local (169.254.x.x,
 * the cloud metadata address, among them), unique-local, multicast, unspecified or otherwise not on the public
 * internet, in IPv4 or IPv6 form (IPv4-mapped and NAT64 forms are read as the IPv4 address they carry), it is refused.
 * The check answers the address it checked, and the sender connects to that address and no other: a host that
 * answers a public address to the check and an internal one a moment later (DNS rebinding) never gets a second
 * lookup. Checked when a subscription is made and again before every attempt. Host names in
 * {@code notifications.webhooks.allowed-hosts} (tests and local development only) skip the address check.
 */
@ApplicationScoped
class WebhookTargets {
    @Inject
    HostResolver resolver;

    @Inject
    NotificationConfig config;

    /** A checked endpoint: the address to connect to, and the host name to present (Host header, TLS SNI). */
    public record Target(String scheme, String host, int port, String pathAndQuery, InetAddress address) {
        public boolean https() {
            return scheme.equals("https");
        }

        /** The Host header: the name, with the port unless it is the scheme's default. */
        public String hostHeader() {
            boolean defaultPort = (https() && port == 443) || (!https() && port == 80);
            return defaultPort ? host : host + ":" + port;
        }
    }

    /** A URL that is not a usable endpoint ({@code invalid}: not even a URL), and why. */
    public static final class Refused extends Exception {
        private final boolean invalid;

        Refused(String reason, boolean invalid) {
            super(reason, null, false, false);
            this.invalid = invalid;
        }

        public boolean invalid() {
            return invalid;
        }
    }

    /** Checks a URL and resolves its host: the target to connect to, or why it is refused. */
    public Target check(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new Refused("must be an absolute URL", true);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new Refused("must be an https URL", true);
        }
        if (scheme.equals("http") && !config.webhooks().allowHttp()) {
            throw new Refused("must use https: plain http is refused", false);
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry credentials", true);
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new Refused("must name a host", true);
        }
        host = host.toLowerCase(Locale.ROOT);
        int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        List<InetAddress> addresses = resolve(host);
        if (!allowedHosts().contains(host)) {
            for (InetAddress address : addresses) {
                String kind = internal(address);
                if (kind != null) {
                    // The reason, not the address: echoing what an internal name resolved to would make this a
                    // probe of the cluster's DNS.
                    throw new Refused("resolves to a " + kind + " address: only public addresses are allowed", false);
                }
            }
        }
        return new Target(scheme, host, port, pathAndQuery, addresses.get(0));
    }

    private List<InetAddress> resolve(String host) throws Refused {
        try {
            if (host.startsWith("[") && host.endsWith("]")) {
                // An IPv6 literal: parsed, never looked up.
                return List.of(InetAddress.getByName(host.substring(1, host.length() - 1)));
            }
            if (host.matches("[0-9.]+")) {
                return List.of(InetAddress.getByName(host));
            }
            List<InetAddress> addresses = resolver.resolve(host);
            if (addresses.isEmpty()) {
                throw new UnknownHostException(host);
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new Refused("names a host that does not resolve", false);
        }
    }

    private Set<String> allowedHosts() {
        return config.webhooks().allowedHosts().orElse(List.of()).stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .collect(Collectors.toSet());
    }

    /** What kind of non-public address this is, or null for a public one. */
    static String internal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            boolean zero80 = true;
            for (int i = 0; i < 10; i++) {
                zero80 &= b[i] == 0;
            }
            boolean mapped = zero80 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean compatible =
                    zero80 && b[10] == 0 && b[11] == 0 && !address.isAnyLocalAddress() && !address.isLoopbackAddress();
            boolean nat64 =
                    (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            for (int i = 4; nat64 && i < 12; i++) {
                nat64 = b[i] == 0;
            }
            if (mapped || compatible || nat64) {
                byte[] v4 = {b[12], b[13], b[14], b[15]};
                try {
                    String inner = internal(InetAddress.getByAddress(v4));
                    return inner == null ? null : "IPv4-mapped " + inner;
                } catch (UnknownHostException e) {
                    return "malformed";
                }
            }
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        if (address instanceof Inet4Address) {
            int a = b[0] & 0xff;
            int c = b[1] & 0xff;
            if (a == 0) {
                return "unspecified";
            }
            if (a == 100 && c >= 64 && c < 128) {
                return "private (shared, carrier-grade NAT)";
            }
            if (a == 192 && c == 0 && (b[2] & 0xff) == 0) {
                return "private (IETF protocol assignment)";
            }
            if (a == 198 && (c == 18 || c == 19)) {
                return "private (benchmarking)";
            }
            if (a >= 240) {
                return "reserved";
            }
        } else {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return "unique-local";
            }
            if (first == 0xfe && (b[1] & 0xc0) == 0x80) {
                return "link-local";
            }
        }
        return null;
    }
}
