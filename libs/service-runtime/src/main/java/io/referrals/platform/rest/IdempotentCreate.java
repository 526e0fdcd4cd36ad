package io.referrals.platform.rest;

import io.referrals.platform.idempotency.IdempotencyKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A create endpoint's answer: 201 Created with the new resource's view and its {@code Location} under the request's
 * path, once per {@code Idempotency-Key} ({@link IdempotencyKeys}: a retry with the same key and body gets the first
 * answer and creates nothing). Call it inside the resource method's transaction.
 */
@ApplicationScoped
public class IdempotentCreate {
    @Inject
    IdempotencyKeys keys;

    /**
     * @param request what identifies the request for the key (the body, with any path parameters it depends on)
     * @param id the new resource's id, from its view: the last segment of {@code Location}
     */
    public <V> Response created(
            String tenantId,
            String idempotencyKey,
            Object request,
            Class<V> viewType,
            Function<V, UUID> id,
            Supplier<V> create,
            UriInfo uri) {
        return keys.execute(
                tenantId,
                idempotencyKey,
                request,
                viewType,
                create,
                view -> Response.created(uri.getAbsolutePathBuilder()
                                .path(id.apply(view).toString())
                                .build())
                        .entity(view));
    }
}
