package io.referrals.notification;

import io.referrals.notification.service.webhook.HostResolver;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resolver of the tests: names under {@code .test} answer what a test says (so that a name can resolve to a
 * private address, or to a public one at subscribe time and an internal one at delivery time); anything else goes
 * to DNS.
 */
@Alternative
@Priority(1)
@Singleton
public class TestHostResolver implements HostResolver {
    private static final Map<String, List<InetAddress>> NAMES = new ConcurrentHashMap<>();

    static {
        point("receiver.test", "127.0.0.1");
        point("dead.test", "127.0.0.1");
        point("private.test", "10.1.2.3");
    }

    /** Makes {@code host} resolve to these addresses (literals) from now on. */
    static void point(String host, String... addresses) {
        try {
            InetAddress[] resolved = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                resolved[i] = InetAddress.getByName(addresses[i]);
            }
            NAMES.put(host, List.of(resolved));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        List<InetAddress> addresses = NAMES.get(host);
        if (addresses != null) {
            return addresses;
        }
        if (host.endsWith(".test")) {
            throw new UnknownHostException(host);
        }
        return List.of(InetAddress.getAllByName(host));
    }
}
