-- The trace context each row was written in (W3C traceparent/tracestate of the span that wrote it): the outbox relay
-- sends an event, the sender a mail and the dispatcher a webhook delivery as that span's child, so one trace runs from
-- the request to the thank-you. Nullable, so the release before this one keeps writing rows without it.
alter table outbox_event
    add column trace_parent varchar(55),
    add column trace_state  varchar(512);
alter table notification
    add column trace_parent varchar(55),
    add column trace_state  varchar(512);
alter table webhook_delivery
    add column trace_parent varchar(55),
    add column trace_state  varchar(512);
