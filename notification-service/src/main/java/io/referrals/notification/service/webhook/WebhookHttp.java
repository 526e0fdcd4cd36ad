package io.referrals.notification.service.webhook;

import io.referrals.notification.service.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import jdk.net.ExtendedSocketOptions;

/**
 * HTTP/1.1 POSTs to a checked {@link WebhookTargets.Target}: the socket connects to the address that was checked
 * (never a second lookup), and for https the TLS handshake presents the host name (SNI) and verifies the certificate
 * against it. Connect timeout and a deadline for the whole exchange from configuration (5 s, 15 s); redirects are
 * not followed (a 3xx is an answer like any other); the status and the first 1 KB of the body are kept.
 *
 * <p>A webhook lane sends its endpoint's deliveries over one {@link Connection}, kept alive from one delivery to the
 * next (no connect, no TLS handshake per delivery) while the target is the same checked address, port, scheme and
 * host, and the endpoint allows it: the connection is closed after an answer that says {@code Connection: close},
 * an HTTP/1.0 answer, a body without a length, a body over 64 KB, an error or a timeout. A kept connection the
 * endpoint closed meanwhile fails before any byte of an answer: the delivery is then sent again at once over a new
 * connection (deliveries are at least once, deduplicated on {@code webhook-id}).
 */
@ApplicationScoped
class WebhookHttp {
    static final int BODY_LIMIT = 1024;
    /** The most of an answer's body read to keep its connection; a longer one closes it. */
    static final int DRAIN_LIMIT = 64 * 1024;

    private static final int HEAD_LIMIT = 16 * 1024;

    @Inject
    NotificationConfig config;

    /** What came back: a status and the start of the body, or the error that stopped the attempt. */
    public record Answer(Integer status, String body, String error, long latencyMs) {
        public boolean success() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /** Where a connection goes: a kept connection serves only the same checked target. */
    private record Key(InetAddress address, int port, boolean https, String host) {
        static Key of(WebhookTargets.Target target) {
            return new Key(target.address(), target.port(), target.https(), target.host());
        }
    }

    /** One lane's connection to its endpoint, reused from delivery to delivery; closed with the lane. */
    static final class Connection implements AutoCloseable {
        private Socket socket;
        private Socket channel;
        private InputStream in;
        private OutputStream out;
        private Key key;
        private int opened;

        /** How many TCP connections this lane opened (for tests and figures). */
        int opened() {
            return opened;
        }

        private boolean serves(Key target) {
            return channel != null && target.equals(key);
        }

        @Override
        public void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // Nothing more to do with it.
                }
            }
            socket = null;
            channel = null;
            in = null;
            out = null;
            key = null;
        }
    }

    /** Failed on a kept connection before any byte of the answer: the endpoint had closed it. */
    private static final class Stale extends IOException {
        Stale(Throwable cause) {
            super(cause);
        }
    }

    /** One POST over a connection of its own. */
    public Answer post(WebhookTargets.Target target, Map<String, String> headers, byte[] body) {
        try (Connection connection = new Connection()) {
            return post(connection, target, headers, body);
        }
    }

    /** One POST over the lane's connection: reused if it serves this target, else (re)opened. */
    public Answer post(Connection connection, WebhookTargets.Target target, Map<String, String> headers, byte[] body) {
        long started = System.nanoTime();
        long deadline = started + config.webhooks().timeout().toNanos();
        Key key = Key.of(target);
        if (!connection.serves(key)) {
            connection.close();
        }
        try {
            try {
                return exchange(connection, key, target, headers, body, started, deadline);
            } catch (Stale stale) {
                connection.close();
                return exchange(connection, key, target, headers, body, started, deadline);
            }
        } catch (SocketTimeoutException e) {
            connection.close();
            return new Answer(null, null, "timed out", elapsed(started));
        } catch (IOException | RuntimeException e) {
            connection.close();
            Throwable cause = e instanceof Stale && e.getCause() != null ? e.getCause() : e;
            String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
            String error = cause.getClass().getSimpleName() + message;
            return new Answer(null, null, error.length() > 300 ? error.substring(0, 300) : error, elapsed(started));
        }
    }

    private Answer exchange(
            Connection connection,
            Key key,
            WebhookTargets.Target target,
            Map<String, String> headers,
            byte[] body,
            long started,
            long deadline)
            throws IOException {
        boolean reused = connection.channel != null;
        if (!reused) {
            open(connection, key, target, deadline);
        }
        Socket channel = connection.channel;
        StringBuilder head = new StringBuilder();
        head.append("POST ").append(target.pathAndQuery()).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(target.hostHeader()).append("\r\n");
        head.append("User-Agent: referrals-webhooks/1\r\n");
        head.append("Content-Type: application/json\r\n");
        head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("Connection: keep-alive\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        // One write: head and body in one segment, not a small head waiting on the body (Nagle, delayed ACKs).
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        String responseHead;
        try {
            remaining(channel, deadline);
            quickAck(connection.socket);
            connection.out.write(request);
            connection.out.flush();
            quickAck(connection.socket);
            responseHead = readHead(connection.in, channel, deadline);
        } catch (EOFException | SocketException e) {
            if (reused) {
                throw new Stale(e); // closed by the endpoint while kept: nothing was answered
            }
            throw e;
        }
        int status = status(responseHead);
        Body answer = readBody(connection.in, channel, deadline, responseHead, status);
        if (!answer.complete() || !keepsAlive(responseHead)) {
            connection.close();
        }
        return new Answer(status, answer.text(), null, elapsed(started));
    }

    private void open(Connection connection, Key key, WebhookTargets.Target target, long deadline) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            int connectMillis = (int) Math.min(
                    config.webhooks().connectTimeout().toMillis(),
                    config.webhooks().timeout().toMillis());
            socket.connect(new InetSocketAddress(target.address(), target.port()), connectMillis);
            Socket channel = target.https() ? tls(socket, target, deadline) : socket;
            connection.socket = socket;
            connection.channel = channel;
            connection.in = new BufferedInputStream(channel.getInputStream(), 8192);
            connection.out = channel.getOutputStream();
            connection.key = key;
            connection.opened++;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Acknowledges what arrives at once instead of after the delayed-ACK pause (about 40 ms on Linux). An endpoint
     * that writes its answer's head and body separately without TCP_NODELAY (the JDK's own HttpServer does) holds the
     * body back until the head is acknowledged: over a kept connection every delivery would wait out that pause. Linux
     * only, and not sticky: set before each request and each answer.
     */
    private static void quickAck(Socket socket) {
        if (QUICK_ACK) {
            try {
                socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
            } catch (IOException | UnsupportedOperationException e) {
                // An optimisation only.
            }
        }
    }

    private static final boolean QUICK_ACK = quickAckSupported();

    private static boolean quickAckSupported() {
        try (Socket probe = new Socket()) {
            return probe.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
        } catch (IOException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Socket tls(Socket socket, WebhookTargets.Target target, long deadline) throws IOException {
        try {
            remaining(socket, deadline);
            SSLSocket tls = (SSLSocket)
                    SSLContext.getDefault().getSocketFactory().createSocket(socket, target.host(), target.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!target.host().startsWith("[") && !target.host().matches("[0-9.]+")) {
                parameters.setServerNames(List.of(new SNIHostName(target.host())));
            }
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            return tls;
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("TLS is not available", e);
        }
    }

    private static void remaining(Socket socket, long deadline) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("deadline");
        }
        socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
    }

    private static String readHead(InputStream in, Socket socket, long deadline) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (head.size() < HEAD_LIMIT) {
            remaining(socket, deadline);
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    throw new EOFException("connection closed before an answer");
                }
                throw new IOException("connection closed before the answer's headers ended");
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        throw new IOException("the answer's headers are longer than 16 KB");
    }

    private static int status(String head) throws IOException {
        String[] parts = head.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP answer");
        }
        try {
            return Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status");
        }
    }

    /** Whether the connection may carry the next request: HTTP/1.1 without {@code Connection: close}. */
    private static boolean keepsAlive(String head) {
        if (!head.startsWith("HTTP/1.1 ")) {
            return false;
        }
        String value = header(head, "connection");
        return value == null || !value.toLowerCase(Locale.ROOT).contains("close");
    }

    private static String header(String head, String name) {
        String lower = head.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("\r\n" + name + ":");
        if (at < 0) {
            return null;
        }
        int start = at + 2 + name.length() + 1;
        int end = lower.indexOf("\r\n", start);
        return head.substring(start, end < 0 ? head.length() : end).trim();
    }

    /** The start of the answer's body, and whether all of it was read (so the connection can carry another). */
    private record Body(String text, boolean complete) {}

    /**
     * Reads the body to its end (Content-Length or chunked, up to 64 KB), keeping its first 1 KB; what does not
     * arrive before the deadline is left out, and the connection is not reused then.
     */
    private static Body readBody(InputStream in, Socket socket, long deadline, String head, int status)
            throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
            return new Body("", status >= 200);
        }
        boolean chunked = String.valueOf(header(head, "transfer-encoding"))
                .toLowerCase(Locale.ROOT)
                .contains("chunked");
        long length = -1;
        String declared = header(head, "content-length");
        if (declared != null) {
            try {
                length = Long.parseLong(declared);
            } catch (NumberFormatException e) {
                length = -1;
            }
        }
        try {
            if (chunked) {
                long total = 0;
                while (true) {
                    String sizeLine = line(in, socket, deadline);
                    int semi = sizeLine.indexOf(';');
                    long size = Long.parseLong((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
                    if (size == 0) {
                        while (!line(in, socket, deadline).isEmpty()) {
                            // trailers: read and dropped
                        }
                        return new Body(kept.toString(StandardCharsets.UTF_8), true);
                    }
                    total += size;
                    if (total > DRAIN_LIMIT) {
                        copy(in, socket, deadline, kept, (int) Math.min(size, BODY_LIMIT - kept.size()));
                        return new Body(kept.toString(StandardCharsets.UTF_8), false);
                    }
                    if (!copy(in, socket, deadline, kept, (int) size)) {
                        return new Body(kept.toString(StandardCharsets.UTF_8), false);
                    }
                    line(in, socket, deadline);
                }
            }
            if (length < 0 || length > DRAIN_LIMIT) {
                // No length (the body ends with the connection) or too long to drain: keep the start, then close.
                copy(in, socket, deadline, kept, (int) (length < 0 ? BODY_LIMIT : Math.min(length, BODY_LIMIT)));
                return new Body(kept.toString(StandardCharsets.UTF_8), false);
            }
            boolean complete = copy(in, socket, deadline, kept, (int) length);
            return new Body(kept.toString(StandardCharsets.UTF_8), complete);
        } catch (IOException | NumberFormatException e) {
            // The status counts; a body that does not come in time, or breaks off, is left out.
            return new Body(kept.toString(StandardCharsets.UTF_8), false);
        }
    }

    /**
     * Reads {@code count} bytes, keeping those that fit in the first 1 KB of {@code to}; false if the connection
     * ended first.
     */
    private static boolean copy(InputStream in, Socket socket, long deadline, ByteArrayOutputStream to, int count)
            throws IOException {
        byte[] buffer = new byte[Math.min(Math.max(count, 1), 8192)];
        int read = 0;
        while (read < count) {
            remaining(socket, deadline);
            int n = in.read(buffer, 0, Math.min(buffer.length, count - read));
            if (n < 0) {
                return false;
            }
            int keep = Math.min(n, BODY_LIMIT - to.size());
            if (keep > 0) {
                to.write(buffer, 0, keep);
            }
            read += n;
        }
        return true;
    }

    private static String line(InputStream in, Socket socket, long deadline) throws IOException {
        StringBuilder line = new StringBuilder();
        while (line.length() < 1024) {
            remaining(socket, deadline);
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed in a chunked body");
            }
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
