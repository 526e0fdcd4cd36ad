package io.referrals.platform.jvm;

import java.util.List;
import java.util.Locale;

/**
 * Whether this JVM started from an AOT cache (JEPs 483, 514, 515): asked for one with {@code -XX:AOTCache=} or
 * {@code -XX:AOTMode=on|auto}, and whether the JVM mapped it. The JVM says it mapped a cache or CDS archive by
 * "sharing" in {@code java.vm.info}; given {@code -XX:AOTCache}, a cache it rejects (another JDK build, other flags)
 * also drops the default CDS archive, so "mixed mode" without "sharing" means rejected — and the JVM runs on without
 * it, with only a warning in its log.
 */
public enum AotCacheState {
    /** Asked for, and mapped. */
    USED,
    /** Asked for, and not mapped: the service starts as if it had none. */
    REJECTED,
    /** Not asked for (or only trained: {@code -XX:AOTMode=record|create}, {@code -XX:AOTCacheOutput}). */
    NONE;

    /**
     * From the JVM's input arguments ({@code RuntimeMXBean.getInputArguments()}, which include {@code
     * JAVA_TOOL_OPTIONS}) and its {@code java.vm.info}; the last {@code -XX:AOTMode} given wins, as in the JVM.
     */
    public static AotCacheState of(List<String> inputArguments, String vmInfo) {
        boolean cacheGiven = false;
        String mode = "auto";
        for (String argument : inputArguments) {
            if (argument.startsWith("-XX:AOTCache=")) {
                cacheGiven = true;
            } else if (argument.startsWith("-XX:AOTMode=")) {
                mode = argument.substring("-XX:AOTMode=".length()).toLowerCase(Locale.ROOT);
            }
        }
        // record and create write a cache (a training run); off ignores the one given.
        if (!cacheGiven || !(mode.equals("auto") || mode.equals("on"))) {
            return NONE;
        }
        return vmInfo != null && vmInfo.contains("sharing") ? USED : REJECTED;
    }

    /** As logged and as the gauge's {@code state} tag: {@code used}, {@code rejected}, {@code none}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
