package io.referrals.platform.problem;

import jakarta.ws.rs.core.UriInfo;
import java.util.regex.Pattern;

/**
 * A request path as it may be echoed in a problem's {@code instance} or written to a log: path segments that are
 * secrets (an intake link's token, an unsubscribe link's signed token, a booking integration's receiving token) are replaced by their template name.
 */
public final class RequestPaths {
    private static final Pattern SECRET_SEGMENT =
            Pattern.compile("^(/api/(?:intake|unsubscribe|bookings/calcom|bookings/calendly)/)[^/]+");

    private RequestPaths() {}

    public static String redacted(UriInfo uri) {
        return redacted(uri.getPath());
    }

    public static String redacted(String path) {
        return path == null ? null : SECRET_SEGMENT.matcher(path).replaceFirst("$1{token}");
    }
}
