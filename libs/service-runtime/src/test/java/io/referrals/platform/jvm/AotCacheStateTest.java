package io.referrals.platform.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a service tells whether the AOT cache it was given was used (issue 31). */
class AotCacheStateTest {
    private static final String MAPPED = "mixed mode, sharing";
    private static final String NOT_MAPPED = "mixed mode";

    @Test
    void aCacheGivenAndMappedIsUsed() {
        assertEquals(AotCacheState.USED, AotCacheState.of(List.of("-Xmx256m", "-XX:AOTCache=app.aot"), MAPPED));
        assertEquals(
                AotCacheState.USED,
                AotCacheState.of(List.of("-XX:AOTMode=on", "-XX:AOTCache=/srv/app/app.aot"), MAPPED));
    }

    @Test
    void aCacheGivenButNotMappedWasRejected() {
        // Another JDK build, or flags the cache was not made with: the JVM warns and starts without it (and without
        // its default CDS archive, hence no "sharing").
        assertEquals(AotCacheState.REJECTED, AotCacheState.of(List.of("-XX:AOTCache=app.aot"), NOT_MAPPED));
        assertEquals(
                AotCacheState.REJECTED,
                AotCacheState.of(List.of("-XX:AOTCache=app.aot", "-XX:AOTMode=auto"), "interpreted mode"));
    }

    @Test
    void noCacheAskedForIsNoneWhateverCdsDoes() {
        assertEquals(AotCacheState.NONE, AotCacheState.of(List.of("-Xmx256m"), MAPPED));
        assertEquals(AotCacheState.NONE, AotCacheState.of(List.of(), NOT_MAPPED));
        // AppCDS on Java 17 maps an archive ("sharing") but is no AOT cache.
        assertEquals(AotCacheState.NONE, AotCacheState.of(List.of("-XX:SharedArchiveFile=app-cds.jsa"), MAPPED));
    }

    @Test
    void aTrainingRunOrAModeOfOffUsesNoCache() {
        assertEquals(
                AotCacheState.NONE,
                AotCacheState.of(List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=app.aotconf"), MAPPED));
        assertEquals(AotCacheState.NONE, AotCacheState.of(List.of("-XX:AOTCacheOutput=app.aot"), MAPPED));
        assertEquals(
                AotCacheState.NONE,
                AotCacheState.of(
                        List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=app.aotconf", "-XX:AOTCache=app.aot"),
                        NOT_MAPPED));
        assertEquals(AotCacheState.NONE, AotCacheState.of(List.of("-XX:AOTCache=app.aot", "-XX:AOTMode=off"), MAPPED));
    }

    @Test
    void theLastModeGivenWins() {
        assertEquals(
                AotCacheState.USED,
                AotCacheState.of(List.of("-XX:AOTMode=off", "-XX:AOTCache=app.aot", "-XX:AOTMode=on"), MAPPED));
        assertEquals(AotCacheState.USED, AotCacheState.of(List.of("-XX:AOTCache=app.aot", "-XX:AOTMode=ON"), MAPPED));
    }

    @Test
    void anUnknownVmInfoCountsAsNotMapped() {
        assertEquals(AotCacheState.REJECTED, AotCacheState.of(List.of("-XX:AOTCache=app.aot"), null));
    }

    @Test
    void labelsAreWhatTheLogAndTheGaugeSay() {
        assertEquals("used", AotCacheState.USED.label());
        assertEquals("rejected", AotCacheState.REJECTED.label());
        assertEquals("none", AotCacheState.NONE.label());
    }
}
