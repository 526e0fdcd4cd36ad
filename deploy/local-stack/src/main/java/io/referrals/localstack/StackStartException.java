package io.referrals.localstack;

/** The stack could not start; the message says why and what to do, and includes log tails where useful. */
public class StackStartException extends RuntimeException {
    public StackStartException(String message) {
        super(message);
    }

    public StackStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
