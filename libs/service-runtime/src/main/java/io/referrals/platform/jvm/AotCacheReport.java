package io.referrals.platform.jvm;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import org.jboss.logging.Logger;

/**
 * Says at start which JDK runs the service and whether its AOT cache was used ({@link AotCacheState}): one log line,
 * "JVM 25.0.3+9-LTS, AOT cache: used", and the gauge {@code jvm_aot_cache_used{state,jvm}} (1 when used, else 0), which
 * the intake benchmark reads from the management port. A rejected cache is otherwise silent but for a JVM warning.
 */
@ApplicationScoped
public class AotCacheReport {
    private static final Logger LOG = Logger.getLogger(AotCacheReport.class);

    @Inject
    MeterRegistry registry;

    void report(@Observes StartupEvent startup) {
        AotCacheState state = AotCacheState.of(
                ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getProperty("java.vm.info"));
        String jvm = System.getProperty("java.runtime.version");
        LOG.infof("JVM %s, AOT cache: %s", jvm, state.label());
        int used = state == AotCacheState.USED ? 1 : 0;
        Gauge.builder("jvm.aot.cache.used", () -> used)
                .description("1 if the JVM started from its AOT cache; state: used, rejected or none")
                .tag("state", state.label())
                .tag("jvm", jvm)
                .strongReference(true)
                .register(registry);
    }
}
