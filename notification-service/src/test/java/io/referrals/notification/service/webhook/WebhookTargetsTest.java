package io.referrals.notification.service.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.referrals.notification.service.NotificationConfig;
import java.lang.reflect.Proxy;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SSRF guard as production configures it: https only, no allow-list. */
class WebhookTargetsTest {

    private static WebhookTargets production(String host, String address) {
        NotificationConfig.Webhooks webhooks = (NotificationConfig.Webhooks) Proxy.newProxyInstance(
                WebhookTargetsTest.class.getClassLoader(),
                new Class<?>[] {NotificationConfig.Webhooks.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "allowHttp" -> false;
                    case "allowedHosts" -> Optional.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        WebhookTargets targets = new WebhookTargets();
        targets.config = (NotificationConfig) Proxy.newProxyInstance(
                WebhookTargetsTest.class.getClassLoader(),
                new Class<?>[] {NotificationConfig.class},
                (proxy, method, args) -> webhooks);
        targets.resolver = name -> {
            if (!name.equals(host)) {
                throw new java.net.UnknownHostException(name);
            }
            return List.of(InetAddress.getByName(address));
        };
        return targets;
    }

    @Test
    void plainHttpIsRefusedUnlessConfigured() {
        WebhookTargets targets = production("hooks.example", "93.184.215.14");
        WebhookTargets.Refused refused =
                assertThrows(WebhookTargets.Refused.class, () -> targets.check("http://hooks.example/x"));
        assertTrue(refused.getMessage().contains("https"), refused.getMessage());
    }

    @Test
    void aPublicHttpsTargetIsPinnedToTheAddressThatWasChecked() throws Exception {
        WebhookTargets.Target target =
                production("hooks.example", "93.184.215.14").check("https://hooks.example/in?a=1");
        assertEquals("93.184.215.14", target.address().getHostAddress());
        assertEquals("hooks.example", target.hostHeader());
        assertEquals(443, target.port());
        assertEquals("/in?a=1", target.pathAndQuery());
    }

    @Test
    void ipv4InsideIpv6IsReadAsTheIpv4AddressItCarries() throws Exception {
        byte[] mapped = {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254, (byte) 169, (byte) 254
        };
        assertEquals("IPv4-mapped link-local", WebhookTargets.internal(Inet6Address.getByAddress(null, mapped, -1)));
        byte[] nat64 = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 1};
        assertEquals("IPv4-mapped private", WebhookTargets.internal(Inet6Address.getByAddress(null, nat64, -1)));
        assertEquals("unique-local", WebhookTargets.internal(InetAddress.getByName("fc00::1")));
        assertEquals(
                "private (shared, carrier-grade NAT)", WebhookTargets.internal(InetAddress.getByName("100.64.0.1")));
        assertNull(WebhookTargets.internal(InetAddress.getByName("2606:4700::1111")));
        assertNull(WebhookTargets.internal(InetAddress.getByName("1.1.1.1")));
    }
}
