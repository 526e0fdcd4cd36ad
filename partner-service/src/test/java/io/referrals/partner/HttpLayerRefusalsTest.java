package io.referrals.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.testing.DevTokens;
import io.referrals.testing.PlatformTestResource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Refusals the HTTP layer makes before a request reaches a resource are problem+json like every other answer. Sent
 * over a plain socket, byte for byte, so that no client library shortens, splits or refuses the request first.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class HttpLayerRefusalsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL root;

    private final String token = DevTokens.token("practice-" + UUID.randomUUID(), "owner");

    @Test
    void aRequestLineTooLongIs414() throws IOException {
        Answer answer = send("GET /api/partners?q=" + "a".repeat(5000) + " HTTP/1.1\r\n" + host() + auth() + "\r\n");
        answer.assertProblem(414);
    }

    @Test
    void headersTooLargeAre431() throws IOException {
        Answer answer = send(
                "GET /api/partners HTTP/1.1\r\n" + host() + auth() + "X-Padding: " + "b".repeat(30_000) + "\r\n\r\n");
        answer.assertProblem(431);
    }

    @Test
    void aBodyDeclaredOverTheServersLimitIs413() throws IOException {
        Answer answer = send("POST /api/partners/import HTTP/1.1\r\n" + host() + auth()
                + "Content-Type: text/csv\r\nContent-Length: 4000000\r\n\r\n" + "name,category\r\n");
        answer.assertProblem(413);
    }

    @Test
    void aChunkedBodyOverTheServersLimitIs413() throws IOException {
        StringBuilder request = new StringBuilder("POST /api/partners/import HTTP/1.1\r\n" + host() + auth()
                + "Content-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n");
        String chunk = "x".repeat(65_536);
        for (int i = 0; i < 50; i++) {
            request.append(Integer.toHexString(chunk.length()))
                    .append("\r\n")
                    .append(chunk)
                    .append("\r\n");
        }
        request.append("0\r\n\r\n");
        send(request.toString()).assertProblem(413);
    }

    @Test
    void anUnsupportedMediaTypeIs415() throws IOException {
        send("POST /api/partners HTTP/1.1\r\n" + host() + auth()
                        + "Content-Type: text/plain\r\nContent-Length: 5\r\n\r\n" + "hello")
                .assertProblem(415);
    }

    @Test
    void aMethodNotAllowedIs405() throws IOException {
        send("DELETE /api/practice HTTP/1.1\r\n" + host() + auth() + "\r\n").assertProblem(405);
    }

    private String host() {
        return "Host: " + root.getHost() + ":" + root.getPort() + "\r\nConnection: close\r\n";
    }

    private String auth() {
        return "Authorization: Bearer " + token + "\r\n";
    }

    private Answer send(String request) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before reading everything; what it answered is still there.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    read.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // A reset after the answer: keep what arrived.
            }
            return new Answer(read.toString(StandardCharsets.ISO_8859_1));
        }
    }

    private record Answer(String raw) {
        void assertProblem(int status) throws IOException {
            assertTrue(
                    raw.startsWith("HTTP/1.1 " + status + " "),
                    raw.lines().findFirst().orElse("(no answer)"));
            int split = raw.indexOf("\r\n\r\n");
            String head = raw.substring(0, split).toLowerCase(Locale.ROOT);
            assertTrue(head.contains("content-type: application/problem+json"), head);
            String body = raw.substring(split + 4);
            if (head.contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            JsonNode problem = JSON.readTree(body);
            assertEquals(status, problem.get("status").asInt(), body);
            assertTrue(problem.get("type").asText().startsWith("https://referrals.example/problems/"), body);
            assertTrue(problem.hasNonNull("title") && problem.hasNonNull("detail"), body);
        }

        private static String dechunk(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    return body.toString();
                }
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
        }
    }
}
