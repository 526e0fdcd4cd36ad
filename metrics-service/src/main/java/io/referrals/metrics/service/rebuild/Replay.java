package io.referrals.metrics.service.rebuild;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.MalformedEventException;
import io.referrals.metrics.entity.ReadModelTables;
import io.referrals.metrics.service.RebuildTenants;
import io.referrals.metrics.service.projection.Projections;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * One rebuild's replay into the staging copy: an event goes into the copy only once the inbox has recorded it as
 * applied to the live rows; the others wait in {@link #pending}. Why the swap is then exact: metrics-service's README,
 * "Rebuild and retention".
 */
final class Replay {
    private static final int IDS_PER_QUERY = 1000;

    private final Projections projections;
    private final ReadModelTables tables;
    private final String stagingId;
    private final LongConsumer progress;
    private final Set<String> applied = new HashSet<>();
    private final Map<String, CloudEvent> pending = new LinkedHashMap<>();

    Replay(Projections projections, ReadModelTables tables, String stagingId, LongConsumer progress) {
        this.projections = projections;
        this.tables = tables;
        this.stagingId = stagingId;
        this.progress = progress;
    }

    long replayed() {
        return applied.size();
    }

    /** Reads to the stop point, applying each batch's processed events in a transaction of its own. */
    void copy(EventLog.Reader reader) {
        for (List<String> batch = reader.next(); !batch.isEmpty(); batch = reader.next()) {
            List<CloudEvent> read = collect(batch);
            QuarkusTransaction.requiringNew().run(() -> {
                applyProcessed(read);
                progress.accept(replayed());
            });
        }
        QuarkusTransaction.requiringNew().run(() -> applyProcessed(new ArrayList<>(pending.values())));
    }

    /** In the caller's (swap) transaction: reads to the stop point, then applies every event processed by now. */
    void catchUp(EventLog.Reader reader) {
        for (List<String> batch = reader.next(); !batch.isEmpty(); batch = reader.next()) {
            collect(batch);
        }
        applyProcessed(new ArrayList<>(pending.values()));
    }

    /** The practice's events of the batch not applied yet, added to {@link #pending}. */
    private List<CloudEvent> collect(List<String> values) {
        List<CloudEvent> read = new ArrayList<>();
        String tenantId = RebuildTenants.live(stagingId);
        for (String value : values) {
            CloudEvent event = decode(value);
            if (event != null
                    && tenantId.equals(event.tenantid())
                    && projections.handles(event.type())
                    && !applied.contains(event.id())
                    && pending.putIfAbsent(event.id(), event) == null) {
                read.add(event);
            }
        }
        return read;
    }

    private void applyProcessed(List<CloudEvent> events) {
        for (int start = 0; start < events.size(); start += IDS_PER_QUERY) {
            List<CloudEvent> chunk = events.subList(start, Math.min(events.size(), start + IDS_PER_QUERY));
            Set<String> processed =
                    tables.processed(chunk.stream().map(CloudEvent::id).toList());
            for (CloudEvent event : chunk) {
                if (processed.contains(event.id()) && applied.add(event.id())) {
                    pending.remove(event.id());
                    projections.apply(staged(event));
                }
            }
        }
    }

    private CloudEvent staged(CloudEvent event) {
        return new CloudEvent(
                event.specversion(),
                event.id(),
                event.source(),
                event.type(),
                event.time(),
                event.subject(),
                stagingId,
                event.datacontenttype(),
                event.data());
    }

    /** A record the live consumer dead-lettered was never processed: skipped here too. */
    private static CloudEvent decode(String value) {
        try {
            return EventCodec.decode(value);
        } catch (MalformedEventException e) {
            return null;
        }
    }
}
