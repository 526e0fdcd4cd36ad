package io.referrals.referral.service;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a method that records a referral in its own transaction ({@code @Transactional} beside it): when the commit
 * finds the new referral's booking code taken in its practice (the unique index {@code referral_booking_code}), the
 * whole call runs again in a new transaction, with a new draw. See {@link BookingCodeCollisionRetry}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RetriesBookingCodeCollision {}
