-- Reads ask for a range of days (or months) of one measure in every currency. With the currency before the period in
-- the key, that range could not bound an index scan: every day of the measure was read and filtered. The period
-- comes before the currency now, so a read touches only the days it asks for. (Upserts name the same columns: the
-- conflict target matches the new keys whatever their order.)
alter table metrics_bucket drop constraint metrics_bucket_pkey;
alter table metrics_bucket add primary key (tenant_id, scope, scope_key, measure, day, currency);

alter table metrics_bucket_month drop constraint metrics_bucket_month_pkey;
alter table metrics_bucket_month add primary key (tenant_id, scope, scope_key, measure, month, currency);
