-- The scheduled batch reads only provider orders that hold a pending or claimed schedule entry. This partial
-- index lists exactly those, so a batch stays cheap however many provider orders have none. The predicate must
-- stay identical to ReplayBatchRepository.HAS_OPEN_ENTRIES for the planner to use the index.
CREATE INDEX IF NOT EXISTS ix_fulfillment_provider_orders_open_schedules
    ON fulfillment_provider_orders (updated_at, id)
    WHERE jsonb_path_exists(payload, '$.scheduledReplays[*] ? (@.type() == "object" && (!exists(@.status) || @.status == "scheduled" || @.status == "in_progress"))');
