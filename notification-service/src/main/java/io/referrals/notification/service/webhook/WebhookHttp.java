package io.referrals.notification.service.webhook;

import io.referrals.notification.service.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
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

/**
 * One HTTP/1.1 POST to a checked {@link WebhookTargets.Target}: the socket connects to the address that was checked
 * (never a second lookup), and for https the TLS handshake presents the host name (SNI) and verifies the certificate
 * against it. Connect timeout and a deadline for the whole exchange from configuration (5 s, 15 s); redirects are
 * not followed (a 3xx is an answer like any other); the status and the first 1 KB of the body are read, the rest is
 * not.
 */
@ApplicationScoped
class WebhookHttp {
    static final int BODY_LIMIT = 1024;
    private static final int HEAD_LIMIT = 16 * 1024;

    @Inject
    NotificationConfig config;

    /** What came back: a status and the start of the body, or the error that stopped the attempt. */
    public record Answer(Integer status, String body, String error, long latencyMs) {
        public boolean success() {
            return status != null && status >= 200 && status < 300;
        }
    }

    public Answer post(WebhookTargets.Target target, Map<String, String> headers, byte[] body) {
        long started = System.nanoTime();
        long deadline = started + config.webhooks().timeout().toNanos();
        try (Socket socket = new Socket()) {
            int connectMillis = (int) Math.min(
                    config.webhooks().connectTimeout().toMillis(),
                    config.webhooks().timeout().toMillis());
            socket.connect(new InetSocketAddress(target.address(), target.port()), connectMillis);
            Socket channel = target.https() ? tls(socket, target) : socket;
            remaining(channel, deadline);
            OutputStream out = channel.getOutputStream();
            StringBuilder head = new StringBuilder();
            head.append("POST ").append(target.pathAndQuery()).append(" HTTP/1.1\r\n");
            head.append("Host: ").append(target.hostHeader()).append("\r\n");
            head.append("User-Agent: referrals-webhooks/1\r\n");
            head.append("Content-Type: application/json\r\n");
            head.append("Content-Length: ").append(body.length).append("\r\n");
            head.append("Connection: close\r\n");
            headers.forEach((name, value) ->
                    head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = channel.getInputStream();
            String responseHead = readHead(in, channel, deadline);
            int status = status(responseHead);
            String text = readBody(in, channel, deadline, responseHead);
            return new Answer(status, text, null, elapsed(started));
        } catch (SocketTimeoutException e) {
            return new Answer(null, null, "timed out", elapsed(started));
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? "" : ": " + e.getMessage();
            String error = e.getClass().getSimpleName() + message;
            return new Answer(null, null, error.length() > 300 ? error.substring(0, 300) : error, elapsed(started));
        }
    }

    private static Socket tls(Socket socket, WebhookTargets.Target target) throws IOException {
        try {
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

    /** Up to 1 KB of the body, de-chunked; what does not arrive before the deadline is left out. */
    private static String readBody(InputStream in, Socket socket, long deadline, String head) throws IOException {
        String lower = head.toLowerCase(Locale.ROOT);
        boolean chunked = lower.contains("\r\ntransfer-encoding: chunked");
        long length = Long.MAX_VALUE;
        int at = lower.indexOf("\r\ncontent-length:");
        if (at >= 0) {
            int end = lower.indexOf("\r\n", at + 2);
            try {
                length = Long.parseLong(lower.substring(at + 17, end).trim());
            } catch (NumberFormatException e) {
                length = Long.MAX_VALUE;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            if (chunked) {
                while (body.size() < BODY_LIMIT) {
                    String sizeLine = line(in, socket, deadline);
                    int semi = sizeLine.indexOf(';');
                    int size = Integer.parseInt((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
                    if (size == 0) {
                        break;
                    }
                    copy(in, socket, deadline, body, Math.min(size, BODY_LIMIT - body.size()));
                    if (body.size() >= BODY_LIMIT) {
                        break;
                    }
                    line(in, socket, deadline);
                }
            } else {
                copy(in, socket, deadline, body, (int) Math.min(length, BODY_LIMIT));
            }
        } catch (SocketTimeoutException | NumberFormatException e) {
            // The status counts; a body that does not come in time is left out.
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private static void copy(InputStream in, Socket socket, long deadline, ByteArrayOutputStream to, int count)
            throws IOException {
        byte[] buffer = new byte[count];
        int read = 0;
        while (read < count) {
            remaining(socket, deadline);
            int n = in.read(buffer, read, count - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        to.write(buffer, 0, read);
    }

    private static String line(InputStream in, Socket socket, long deadline) throws IOException {
        StringBuilder line = new StringBuilder();
        while (line.length() < 1024) {
            remaining(socket, deadline);
            int b = in.read();
            if (b < 0 || b == '\n') {
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
