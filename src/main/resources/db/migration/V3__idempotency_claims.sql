-- An Idempotency-Key is claimed (response still null) before the provider call and completed after it, so two
-- concurrent requests with one key never both call the provider.
ALTER TABLE replay_idempotency_keys ALTER COLUMN response DROP NOT NULL;
