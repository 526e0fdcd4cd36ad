package io.referrals.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The key the per-address intake limit counts under (issue 26). */
class ClientAddressKeyTest {

    @Test
    void anIpv4AddressIsItsOwnKey() {
        assertEquals("203.0.113.9", ClientAddressKey.of("203.0.113.9"));
        assertEquals("127.0.0.1", ClientAddressKey.of("127.0.0.1"));
        assertNotEquals(ClientAddressKey.of("203.0.113.9"), ClientAddressKey.of("203.0.113.10"));
    }

    @Test
    void anIpv6AddressCountsByItsSlash64() {
        String key = ClientAddressKey.of("2001:db8:1:2::1");
        assertEquals("2001:db8:1:2::/64", key);
        // Every way of writing an address of that /64, as Java and Vert.x print them and as proxies forward them.
        for (String same : new String[] {
            "2001:db8:1:2:ffff:ffff:ffff:fffe",
            "2001:0db8:0001:0002:0000:0000:0000:0001",
            "2001:DB8:1:2:0:0:0:abcd",
            "[2001:db8:1:2::7]",
            "2001:db8:1:2::9%eth0",
            " 2001:db8:1:2::10 "
        }) {
            assertEquals(key, ClientAddressKey.of(same), same);
        }
        assertEquals("2001:db8:1:3::/64", ClientAddressKey.of("2001:db8:1:3::1"));
        assertEquals("0:0:0:0::/64", ClientAddressKey.of("::1"));
        assertEquals("fe80:0:0:0::/64", ClientAddressKey.of("fe80::1%eth0"));
    }

    @Test
    void anIpv4MappedIpv6AddressIsItsIpv4Address() {
        assertEquals("198.51.100.7", ClientAddressKey.of("::ffff:198.51.100.7"));
        assertEquals("198.51.100.7", ClientAddressKey.of("0:0:0:0:0:ffff:c633:6407"));
        assertEquals("198.51.100.7", ClientAddressKey.of("[::ffff:198.51.100.7]"));
    }

    @Test
    void whatIsNoIpAddressSharesOneKeyAndIsNeverLookedUp() {
        for (String odd :
                new String[] {null, "", "unknown", "localhost", "example.com", "2001:db8::zz", "1.2.3", "_"}) {
            assertEquals(ClientAddressKey.UNKNOWN, ClientAddressKey.of(odd), String.valueOf(odd));
        }
    }
}
