-- The snapshot samples each provider's newest provider orders with LIMIT (created_at DESC, id DESC): this index
-- serves that order exactly, so a sample reads N rows per provider instead of ranking the whole table
-- (measured at 1,000,000 provider orders: 3.7 s -> 0.05 s). It replaces the narrower (provider_id, created_at DESC).
CREATE INDEX IF NOT EXISTS ix_fulfillment_provider_orders_provider_created_id
    ON fulfillment_provider_orders (provider_id, created_at DESC, id DESC);
DROP INDEX IF EXISTS ix_fulfillment_provider_orders_provider_created;
