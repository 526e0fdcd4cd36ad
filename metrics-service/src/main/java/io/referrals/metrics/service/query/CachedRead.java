package io.referrals.metrics.service.query;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read whose first parameter is the practice (tenant id) and whose answer depends only on its parameters, the
 * practice's read models and the clock: reused by {@link ReadCache} until the practice's read models change.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface CachedRead {}
