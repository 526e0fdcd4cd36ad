package io.referrals.platform.ratelimit;

import io.netty.util.NetUtil;

/**
 * What a per-client-address limit (the intake's, portal sign-in links') counts under: an IPv4 address as it is, an IPv6 address by its /64 prefix (one
 * subscriber's network: a client there picks any of its 2^64 addresses at will), an IPv4-mapped IPv6 address as its
 * IPv4 address. Only literal addresses are parsed, never looked up; anything else (no address at all) shares one key.
 */
public final class ClientAddressKey {
    /** The key of requests whose address is missing or not an IP address. */
    public static final String UNKNOWN = "unknown";

    private ClientAddressKey() {}

    public static String of(String address) {
        byte[] bytes = address == null ? null : NetUtil.createByteArrayFromIpAddressString(address.trim());
        if (bytes == null) {
            return UNKNOWN;
        }
        if (bytes.length == 4) {
            return ipv4(bytes, 0);
        }
        if (isIpv4Mapped(bytes)) {
            return ipv4(bytes, 12);
        }
        return String.format("%x:%x:%x:%x::/64", group(bytes, 0), group(bytes, 2), group(bytes, 4), group(bytes, 6));
    }

    /** {@code ::ffff:a.b.c.d}: ten zero bytes, two 0xff, then the IPv4 address. */
    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static String ipv4(byte[] bytes, int from) {
        return (bytes[from] & 0xff) + "." + (bytes[from + 1] & 0xff) + "." + (bytes[from + 2] & 0xff) + "."
                + (bytes[from + 3] & 0xff);
    }

    private static int group(byte[] bytes, int from) {
        return ((bytes[from] & 0xff) << 8) | (bytes[from + 1] & 0xff);
    }
}
