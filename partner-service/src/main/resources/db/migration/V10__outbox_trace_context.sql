-- The trace context an event was recorded in (W3C traceparent/tracestate of the span that wrote it): the outbox relay
-- sends the event as that span's child. Nullable, so the release before this one keeps writing rows without it.
alter table outbox_event
    add column trace_parent varchar(55),
    add column trace_state  varchar(512);
