package io.referrals.localstack;

/**
 * A caller's claim on one of the stack's processes ({@link OutageControls#hold}): while it is open the stack's watch
 * does not start that process again if it is down, so a caller that stops, kills or restarts it on purpose never
 * races the watch. Closing it hands the process back to the watch; closing twice releases once.
 */
public interface Hold extends AutoCloseable {
    @Override
    void close();
}
