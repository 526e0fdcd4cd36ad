package io.referrals.notification.service.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Resolves an endpoint's host name to its addresses: DNS in production; tests give their own. */
public interface HostResolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
