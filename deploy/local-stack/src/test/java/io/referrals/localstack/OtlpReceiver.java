package io.referrals.localstack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector's trace endpoint in the test's JVM: OTLP over HTTP ({@code POST /v1/traces}, protobuf),
 * what the services' exporter sends when {@code OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf}. It decodes the few fields
 * a test asserts on (ids, parent, links, name, kind, times, string and integer attributes, the resource's
 * {@code service.name}) with a small reader of the protobuf wire format, so no generated classes are needed.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One received span. Ids in lower-case hex, as in {@code traceparent}. */
    record ReceivedSpan(
            String service,
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            int kind,
            long startNanos,
            long endNanos,
            Map<String, String> attributes,
            List<String> linkedSpanIds) {

        static final int SERVER = 2;
        static final int CLIENT = 3;
        static final int PRODUCER = 4;
        static final int CONSUMER = 5;

        double millis() {
            return (endNanos - startNanos) / 1e6;
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<ReceivedSpan> spans = new ConcurrentLinkedQueue<>();

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                byte[] bytes = body.readAllBytes();
                String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
                if ("gzip".equalsIgnoreCase(encoding)) {
                    bytes = gunzip(bytes);
                }
                spans.addAll(decode(bytes));
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** The base URL to give as the services' OTLP endpoint. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    List<ReceivedSpan> all() {
        return List.copyOf(spans);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    /** ExportTraceServiceRequest: resource_spans = 1. */
    static List<ReceivedSpan> decode(byte[] request) {
        List<ReceivedSpan> decoded = new ArrayList<>();
        for (Field resourceSpans : Wire.fields(request)) {
            if (resourceSpans.number() != 1) {
                continue;
            }
            // ResourceSpans: resource = 1 (Resource: attributes = 1), scope_spans = 2 (ScopeSpans: spans = 2).
            String service = "";
            List<byte[]> spanMessages = new ArrayList<>();
            for (Field field : Wire.fields(resourceSpans.bytes())) {
                if (field.number() == 1) {
                    service = attributes(field.bytes(), 1).getOrDefault("service.name", "");
                } else if (field.number() == 2) {
                    for (Field scopeField : Wire.fields(field.bytes())) {
                        if (scopeField.number() == 2) {
                            spanMessages.add(scopeField.bytes());
                        }
                    }
                }
            }
            for (byte[] span : spanMessages) {
                decoded.add(span(service, span));
            }
        }
        return decoded;
    }

    /** Span: trace_id 1, span_id 2, parent_span_id 4, name 5, kind 6, start 7, end 8, attributes 9, links 13. */
    private static ReceivedSpan span(String service, byte[] message) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        long start = 0;
        long end = 0;
        List<String> links = new ArrayList<>();
        for (Field field : Wire.fields(message)) {
            switch (field.number()) {
                case 1 -> traceId = HexFormat.of().formatHex(field.bytes());
                case 2 -> spanId = HexFormat.of().formatHex(field.bytes());
                case 4 -> parent = HexFormat.of().formatHex(field.bytes());
                case 5 -> name = new String(field.bytes(), java.nio.charset.StandardCharsets.UTF_8);
                case 6 -> kind = (int) field.value();
                case 7 -> start = field.value();
                case 8 -> end = field.value();
                case 13 -> {
                    for (Field link : Wire.fields(field.bytes())) {
                        if (link.number() == 2) {
                            links.add(HexFormat.of().formatHex(link.bytes()));
                        }
                    }
                }
                default -> {}
            }
        }
        return new ReceivedSpan(
                service, traceId, spanId, parent, name, kind, start, end, attributes(message, 9), links);
    }

    /** The string and integer values of a message's repeated KeyValue field (key 1, AnyValue 2: string 1, int 3). */
    private static Map<String, String> attributes(byte[] message, int fieldNumber) {
        Map<String, String> attributes = new TreeMap<>();
        for (Field field : Wire.fields(message)) {
            if (field.number() != fieldNumber) {
                continue;
            }
            String key = null;
            String value = null;
            for (Field keyValue : Wire.fields(field.bytes())) {
                if (keyValue.number() == 1) {
                    key = new String(keyValue.bytes(), java.nio.charset.StandardCharsets.UTF_8);
                } else if (keyValue.number() == 2) {
                    for (Field any : Wire.fields(keyValue.bytes())) {
                        if (any.number() == 1) {
                            value = new String(any.bytes(), java.nio.charset.StandardCharsets.UTF_8);
                        } else if (any.number() == 3) {
                            value = Long.toString(any.value());
                        }
                    }
                }
            }
            if (key != null && value != null) {
                attributes.put(key, value);
            }
        }
        return attributes;
    }

    /** A field of a protobuf message: a number with either a scalar value (varint, fixed) or bytes. */
    record Field(int number, long value, byte[] bytes) {}

    /** The protobuf wire format, as far as OTLP uses it: varint (0), fixed64 (1), length-delimited (2), fixed32 (5). */
    static final class Wire {
        private final byte[] data;
        private int position;

        private Wire(byte[] data) {
            this.data = data;
        }

        static List<Field> fields(byte[] message) {
            Wire wire = new Wire(message);
            List<Field> fields = new ArrayList<>();
            while (wire.position < message.length) {
                long tag = wire.varint();
                int number = (int) (tag >>> 3);
                int type = (int) (tag & 7);
                switch (type) {
                    case 0 -> fields.add(new Field(number, wire.varint(), null));
                    case 1 -> fields.add(new Field(number, wire.fixed(8), null));
                    case 2 -> {
                        int length = (int) wire.varint();
                        byte[] bytes = java.util.Arrays.copyOfRange(message, wire.position, wire.position + length);
                        wire.position += length;
                        fields.add(new Field(number, 0, bytes));
                    }
                    case 5 -> fields.add(new Field(number, wire.fixed(4), null));
                    default -> throw new IllegalArgumentException("wire type " + type + " at " + wire.position);
                }
            }
            return fields;
        }

        private long varint() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = data[position++];
                result |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }

        private long fixed(int bytes) {
            long result = 0;
            for (int i = 0; i < bytes; i++) {
                result |= (long) (data[position++] & 0xff) << (8 * i);
            }
            return result;
        }
    }
}
