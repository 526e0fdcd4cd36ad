package io.referrals.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A CloudEvents 1.0 event in structured JSON mode. {@code tenantid} is an extension attribute
 * carrying the practice id, so that every consumer scopes its effect to one tenant.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        Instant time,
        String subject,
        String tenantid,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    /** Kafka record header values of the CloudEvents Kafka binding, structured mode. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";

    /**
     * Headers every record carries besides its structured value: the content type the binding prescribes, and
     * the type and tenant so that tools can route or filter without parsing the value.
     */
    public java.util.Map<String, String> kafkaHeaders() {
        return java.util.Map.of("content-type", STRUCTURED_CONTENT_TYPE, "ce_type", type, "ce_tenantid", tenantid);
    }
}
