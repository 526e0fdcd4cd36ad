package io.referrals.referral.service;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Runs a {@link RetriesBookingCodeCollision} call again when its transaction failed on the booking code's unique
 * index. Booking codes are drawn at random (about 50 bits) and not checked first: asking the database whether a code
 * is taken cost every referral a round trip to guard against what all but never happens; the index guards anyway.
 * Outside the transaction's interceptor (a lower priority runs first), so that each attempt is a transaction of its
 * own: the failed one rolled back whole, nothing of it remains.
 */
@RetriesBookingCodeCollision
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class BookingCodeCollisionRetry {
    /** The unique index on (tenant_id, booking_code) of referral (V16). */
    static final String BOOKING_CODE_INDEX = "referral_booking_code";

    /** A second collision in a row is beyond belief for 50 random bits; three attempts are plenty. */
    static final int ATTEMPTS = 3;

    @AroundInvoke
    Object retry(InvocationContext invocation) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return invocation.proceed();
            } catch (Exception e) {
                if (attempt >= ATTEMPTS || !isBookingCodeCollision(e)) {
                    throw e;
                }
            }
        }
    }

    static boolean isBookingCodeCollision(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && violation.getConstraintName() != null
                    && violation.getConstraintName().endsWith(BOOKING_CODE_INDEX)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
