-- Load alerts and the blueprint report's preset pressure map aggregate preset engagements over 7 to 90 days of
-- orders (alerts.md 6). Read through the three source tables, that meant joining up to a million rows and parsing
-- each order item's selected_options json on every alert run (about 6.5 s at 1,000,000 provider orders).
-- preset_engagements holds one narrow row per provider order whose order item names a preset, kept in step with
-- its sources by the triggers below, so a window is one range scan of this table.

-- AL-LOAD-3: presetId, or preset_id when that is missing, null or empty; a string as-is, a number as its text;
-- anything else, or a non-object, gives NULL. Used by the load alerts and the blueprint report alike.
CREATE OR REPLACE FUNCTION preset_id_of(options json) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN json_typeof(options) = 'object'
                 AND json_typeof(options -> CASE WHEN COALESCE(options ->> 'presetId', '') = '' THEN 'preset_id' ELSE 'presetId' END)
                     IN ('string', 'number')
                THEN NULLIF(options ->> CASE WHEN COALESCE(options ->> 'presetId', '') = '' THEN 'preset_id' ELSE 'presetId' END, '')
           END
$$;

-- The preset label: presetLabel, else preset_label; NULL when neither is a non-empty string or number.
CREATE OR REPLACE FUNCTION preset_label_of(options json) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT COALESCE(
        CASE WHEN json_typeof(options) = 'object' AND json_typeof(options -> 'presetLabel') IN ('string', 'number')
             THEN NULLIF(options ->> 'presetLabel', '') END,
        CASE WHEN json_typeof(options) = 'object' AND json_typeof(options -> 'preset_label') IN ('string', 'number')
             THEN NULLIF(options ->> 'preset_label', '') END)
$$;

CREATE TABLE IF NOT EXISTS preset_engagements (
    provider_order_id uuid PRIMARY KEY REFERENCES fulfillment_provider_orders (id) ON DELETE CASCADE,
    ordered_at        timestamptz NOT NULL,   -- the parent order's created_at: what the windows select on
    preset_id         text NOT NULL,
    preset_label      text,
    provider_id       varchar(64) NOT NULL,
    provider_name     varchar(255),
    service_id        varchar(64) NOT NULL,
    service_action    varchar(255),
    currency          varchar(8),
    amount            numeric(12, 2),
    created_at        timestamptz NOT NULL    -- the provider order's created_at: a tie-breaker of the newest names
);
CREATE INDEX IF NOT EXISTS ix_preset_engagements_ordered_at ON preset_engagements (ordered_at);
-- A window's newest label (by order time) and newest provider name, action and currency (by provider order time)
-- per group: one short index walk per group instead of sorting the window's rows.
CREATE INDEX IF NOT EXISTS ix_preset_engagements_group_ordered
    ON preset_engagements (preset_id, provider_id, service_id, ordered_at DESC, created_at DESC, provider_order_id DESC);
CREATE INDEX IF NOT EXISTS ix_preset_engagements_group_created
    ON preset_engagements (preset_id, provider_id, service_id, created_at DESC, provider_order_id DESC) INCLUDE (ordered_at);
-- The three group columns are far from independent (a preset has a few providers): without this the planner
-- guesses 100 times too many groups and sorts a window instead of hashing it.
CREATE STATISTICS IF NOT EXISTS st_preset_engagements_groups (ndistinct)
    ON preset_id, provider_id, service_id FROM preset_engagements;

-- What preset_engagements holds, computed from its sources: the one definition both functions below insert from.
CREATE OR REPLACE VIEW preset_engagement_sources AS
    SELECT p.id AS provider_order_id, o.created_at AS ordered_at, preset_id_of(i.selected_options) AS preset_id,
           preset_label_of(i.selected_options) AS preset_label, p.provider_id, p.provider_name, p.service_id,
           p.service_action, p.currency, p.amount, p.created_at
      FROM fulfillment_provider_orders p
      JOIN order_items i ON i.id = p.order_item_id
      JOIN orders o ON o.id = i.order_id
     WHERE preset_id_of(i.selected_options) IS NOT NULL;

-- The engagement rows of these provider orders, recomputed from their sources.
CREATE OR REPLACE FUNCTION refresh_preset_engagements(provider_order_ids uuid[]) RETURNS void
    LANGUAGE sql AS $$
    DELETE FROM preset_engagements WHERE provider_order_id = ANY (provider_order_ids);
    INSERT INTO preset_engagements SELECT * FROM preset_engagement_sources WHERE provider_order_id = ANY (provider_order_ids);
$$;

-- Every engagement row recomputed: after a bulk load with triggers off (session_replication_role = replica), or
-- whenever the table is suspected out of step (docs/runbook.md).
CREATE OR REPLACE FUNCTION rebuild_preset_engagements() RETURNS bigint
    LANGUAGE plpgsql AS $$
DECLARE
    inserted bigint;
BEGIN
    DELETE FROM preset_engagements;
    INSERT INTO preset_engagements SELECT * FROM preset_engagement_sources;
    GET DIAGNOSTICS inserted = ROW_COUNT;
    RETURN inserted;
END
$$;

-- New provider orders: one statement-level trigger per INSERT statement, so bulk inserts stay set-based.
CREATE OR REPLACE FUNCTION preset_engagements_on_insert() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_preset_engagements(ARRAY(SELECT id FROM inserted_provider_orders));
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS preset_engagements_insert ON fulfillment_provider_orders;
CREATE TRIGGER preset_engagements_insert AFTER INSERT ON fulfillment_provider_orders
    REFERENCING NEW TABLE AS inserted_provider_orders
    FOR EACH STATEMENT EXECUTE FUNCTION preset_engagements_on_insert();

-- Changed sources. Payload writes (replays, claims) change none of these columns and fire nothing.
CREATE OR REPLACE FUNCTION preset_engagements_on_provider_order_update() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_preset_engagements(ARRAY[NEW.id]);
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS preset_engagements_provider_order_update ON fulfillment_provider_orders;
CREATE TRIGGER preset_engagements_provider_order_update
    AFTER UPDATE OF order_item_id, provider_id, provider_name, service_id, service_action, currency, amount, created_at
    ON fulfillment_provider_orders
    FOR EACH ROW
    WHEN ((OLD.order_item_id, OLD.provider_id, OLD.provider_name, OLD.service_id, OLD.service_action, OLD.currency,
           OLD.amount, OLD.created_at)
          IS DISTINCT FROM (NEW.order_item_id, NEW.provider_id, NEW.provider_name, NEW.service_id, NEW.service_action,
                            NEW.currency, NEW.amount, NEW.created_at))
    EXECUTE FUNCTION preset_engagements_on_provider_order_update();

CREATE OR REPLACE FUNCTION preset_engagements_on_order_item_update() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_preset_engagements(ARRAY(SELECT id FROM fulfillment_provider_orders WHERE order_item_id = NEW.id));
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS preset_engagements_order_item_update ON order_items;
CREATE TRIGGER preset_engagements_order_item_update AFTER UPDATE OF selected_options, order_id ON order_items
    FOR EACH ROW
    WHEN (OLD.selected_options::text IS DISTINCT FROM NEW.selected_options::text OR OLD.order_id IS DISTINCT FROM NEW.order_id)
    EXECUTE FUNCTION preset_engagements_on_order_item_update();

CREATE OR REPLACE FUNCTION preset_engagements_on_order_update() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_preset_engagements(ARRAY(
        SELECT p.id FROM fulfillment_provider_orders p JOIN order_items i ON i.id = p.order_item_id WHERE i.order_id = NEW.id));
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS preset_engagements_order_update ON orders;
CREATE TRIGGER preset_engagements_order_update AFTER UPDATE OF created_at ON orders
    FOR EACH ROW
    WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at)
    EXECUTE FUNCTION preset_engagements_on_order_update();

-- the rows of an existing database
SELECT rebuild_preset_engagements();
ANALYZE preset_engagements;
