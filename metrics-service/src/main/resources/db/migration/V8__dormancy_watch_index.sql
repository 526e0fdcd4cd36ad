-- The dormancy scan asks each minute for the partners of an active relationship, neither dormant nor archived, in key
-- order: a partial index of exactly those, so that it reads them and not every partner row (referrers never created as
-- partners included; at 220,000 rows the scan was a 0.4-1.4 s sequential scan each minute). The index on their last
-- activity went unused: their deadline depends on each partner's cadence.
drop index partner_metrics_silent;
create index partner_metrics_watched on partner_metrics (tenant_id, partner_id)
    where dormant_since is null and not archived
      and stage in ('REACHED_OUT', 'BUILDING_RAPPORT', 'MUTUAL_BENEFIT_AGREED', 'TRUSTED');
