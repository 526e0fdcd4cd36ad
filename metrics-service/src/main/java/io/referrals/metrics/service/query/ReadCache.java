package io.referrals.metrics.service.query;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Arrays;

/**
 * Reuses the answer of a {@link CachedRead} while its practice's read-model version has not moved (checked on every
 * read: one indexed row, so every replica sees a change the moment it commits) and for at most
 * {@code metrics.read-cache.max-age} by the injected clock, for what moves with time alone (while one reader refreshes
 * such an answer, the others keep it: at most max-age plus one computation old). A dashboard polled by
 * many people costs one computation per change, not one per request; the first read after a change costs what the
 * buckets cost, whatever the age of the practice.
 */
@CachedRead
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class ReadCache {
    @Inject
    ReadAnswers answers;

    @AroundInvoke
    Object read(InvocationContext call) throws Exception {
        String tenantId = (String) call.getParameters()[0];
        String method = call.getMethod().getDeclaringClass().getName() + "."
                + call.getMethod().getName();
        return answers.get(tenantId, method, Arrays.asList(call.getParameters()), call::proceed);
    }
}
