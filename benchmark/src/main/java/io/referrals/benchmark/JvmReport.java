package io.referrals.benchmark;

import io.referrals.localstack.Ports;
import io.referrals.localstack.RunningStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which JDK runs each service and whether it started from its AOT cache, as the service itself says on its management
 * port: service-runtime's gauge {@code jvm_aot_cache_used{state="used|rejected|none",jvm="<java.runtime.version>"}}.
 * A service built before that gauge existed says nothing, and the table says so.
 */
final class JvmReport {
    static final String TITLE = "JDK and AOT cache per service";
    private static final Pattern GAUGE = Pattern.compile("^jvm_aot_cache_used\\{([^}]*)}\\s+\\S+", Pattern.MULTILINE);
    private static final Pattern TAG = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private JvmReport() {}

    static Report.Table table(RunningStack stack) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        List<List<Object>> rows = new ArrayList<>();
        for (String service : stack.serviceNames()) {
            URI metrics = URI.create("http://localhost:" + Ports.management(stack.servicePort(service)) + "/q/metrics");
            String jvm = "not reported";
            String aot = "not reported";
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(metrics)
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher gauge = GAUGE.matcher(response.body());
                if (response.statusCode() == 200 && gauge.find()) {
                    Matcher tags = TAG.matcher(gauge.group(1));
                    while (tags.find()) {
                        switch (tags.group(1)) {
                            case "jvm" -> jvm = tags.group(2);
                            case "state" -> aot = tags.group(2);
                            default -> {}
                        }
                    }
                }
            } catch (Exception e) {
                aot = "n/a (" + e.getClass().getSimpleName() + ")";
            }
            rows.add(List.of(service, jvm, aot));
        }
        rows.add(List.of("benchmark JVM (launcher)", System.getProperty("java.runtime.version"), "-"));
        return new Report.Table(TITLE, List.of("process", "JDK", "AOT cache"), rows);
    }
}
