package io.referrals.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import io.referrals.platform.persistence.Sql;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import io.referrals.platform.text.PlainTextDeserializer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Honours the {@code Idempotency-Key} header of a write request: the first request's answer is stored with
 * the key in the same transaction as its effect; a retry with the same body gets that answer back and
 * creates nothing; the same key with a different body is a 422. Keys are kept 48 hours ({@link IdempotencyConfig}).
 */
@ApplicationScoped
public class IdempotencyKeys {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    @Inject
    Sql sql;

    @Inject
    ObjectMapper mapper;

    @Inject
    IdempotencyConfig config;

    @Inject
    Clock clock;

    /**
     * Runs {@code action} once per key and tenant and answers with {@code respond} applied to its result. A retry
     * gets {@code respond} applied to the stored result: the same status, body and headers such as Location.
     * {@code request} is the parsed body; its canonical JSON identifies the request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Response execute(
            String tenantId,
            String key,
            Object request,
            Class<T> resultType,
            Supplier<T> action,
            Function<T, Response.ResponseBuilder> respond) {
        if (key == null) {
            return respond.apply(action.get()).build();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalidField(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String hash = fingerprint(request);
        int claimed = sql.update("""
                insert into idempotency_key (tenant_id, idempotency_key, request_hash) values (?, ?, ?)
                on conflict do nothing""", tenantId, key, hash);
        if (claimed == 0) {
            return respond.apply(storedResult(tenantId, key, hash, resultType))
                    .header(REPLAYED_HEADER, "true")
                    .build();
        }
        T result = action.get();
        Response response = respond.apply(result).build();
        sql.update("""
                update idempotency_key set response_status = ?, response_body = ?
                where tenant_id = ? and idempotency_key = ?""", response.getStatus(), json(result), tenantId, key);
        return response;
    }

    /** A key's row: the fingerprint of the first request and its answer, null while it is still running. */
    private record Stored(String requestHash, String responseBody) {}

    private <T> T storedResult(String tenantId, String key, String hash, Class<T> resultType) {
        Stored stored = sql.single("""
                select request_hash, response_body from idempotency_key
                where tenant_id = ? and idempotency_key = ?""", row -> new Stored(row.getString(1), row.getString(2)), tenantId, key);
        if (!hash.equals(stored.requestHash())) {
            throw new ProblemException(Problem.of(
                    422,
                    "idempotency-key-reused",
                    "Idempotency-Key already used",
                    "This Idempotency-Key was used with a different request body. Use a new key for a new request."));
        }
        if (stored.responseBody() == null) {
            throw ProblemException.conflict(
                    "idempotency-key-in-progress",
                    "Request still in progress",
                    "A request with this Idempotency-Key is still being processed; retry shortly.",
                    Map.of());
        }
        try {
            // The service's own answer, read back: not held to the rules for request text.
            return mapper.readerFor(resultType)
                    .withAttribute(PlainTextDeserializer.TRUSTED, true)
                    .readValue(stored.responseBody());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored answer for Idempotency-Key unreadable", e);
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void deleteExpiredKeys() {
        sql.update(
                "delete from idempotency_key where created_at < ?",
                clock.instant().minus(config.retention()));
    }

    private String fingerprint(Object request) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(json(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + value.getClass(), e);
        }
    }
}
