-- Webhook delivery by per-endpoint lanes (issue 31): one replica at a time sends to an endpoint (a lease on the
-- subscription, renewed per batch, so a replica that dies mid-send leaves the endpoint to another after it), and a
-- lane sends the endpoint's due deliveries back to back in the order they were recorded (seq: insertion order, which
-- created_at cannot give when many rows share a timestamp).
alter table webhook_subscription
    add column dispatch_owner uuid,
    add column dispatch_lease_until timestamptz;

alter table webhook_delivery add column seq bigint generated always as identity;

create index webhook_delivery_lane on webhook_delivery (subscription_id, seq) where status = 'PENDING';
