-- Core schema of provider-automation: the tables that replay-and-history.md, alerts.md and exports.md name,
-- plus the tables README "Resolutions 13" asks the service to own. Enum types are created only when absent,
-- so this script also succeeds on a database where an earlier deployment already created them.

DO $$ BEGIN CREATE TYPE fulfillment_provider_status_enum AS ENUM ('active', 'inactive');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE TYPE fulfillment_provider_health_status_enum AS ENUM ('unknown', 'healthy', 'degraded', 'offline');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE TYPE fulfillment_service_status_enum AS ENUM ('active', 'inactive');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE TYPE fulfillment_service_health_status_enum AS ENUM ('unknown', 'healthy', 'degraded', 'offline');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE TYPE provider_automation_run_type_enum AS ENUM ('replay', 'alert');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE TYPE order_state_event_type_enum AS ENUM (
    'state_change', 'note', 'replay_scheduled', 'replay_executed', 'refill_requested', 'refill_completed',
    'refund_requested', 'refund_completed', 'automation_alert');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE TYPE order_state_actor_type_enum AS ENUM ('system', 'operator', 'admin', 'automation', 'provider');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;

-- Provider catalog ------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS fulfillment_providers (
    id                    varchar(64) PRIMARY KEY,
    name                  varchar(255) NOT NULL,
    description           text,
    base_url              varchar(512),
    allowed_regions       json,
    credentials           json,
    metadata_json         json,
    rate_limit_per_minute integer,
    status                fulfillment_provider_status_enum NOT NULL DEFAULT 'inactive',
    health_status         fulfillment_provider_health_status_enum NOT NULL DEFAULT 'unknown',
    last_health_check_at  timestamptz,
    health_payload        json,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS ix_fulfillment_providers_status ON fulfillment_providers (status);
CREATE INDEX IF NOT EXISTS ix_fulfillment_providers_health_status ON fulfillment_providers (health_status);

CREATE TABLE IF NOT EXISTS fulfillment_services (
    id                    varchar(64) PRIMARY KEY,
    provider_id           varchar(64) NOT NULL REFERENCES fulfillment_providers (id) ON DELETE CASCADE,
    name                  varchar(255) NOT NULL,
    action                varchar(255),
    category              varchar(128),
    default_currency      varchar(3),
    allowed_regions       json,
    rate_limit_per_minute integer,
    credentials           json,
    metadata_json         json,
    status                fulfillment_service_status_enum NOT NULL DEFAULT 'active',
    health_status         fulfillment_service_health_status_enum NOT NULL DEFAULT 'unknown',
    last_health_check_at  timestamptz,
    health_payload        json,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS ix_fulfillment_services_provider_id ON fulfillment_services (provider_id);

CREATE TABLE IF NOT EXISTS fulfillment_provider_balances (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    provider_id    varchar(64) NOT NULL REFERENCES fulfillment_providers (id) ON DELETE CASCADE,
    balance_amount numeric(14, 2),
    currency       varchar(8),
    payload        json,
    retrieved_at   timestamptz NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_fulfillment_provider_balances_provider_id UNIQUE (provider_id)
);

-- Reference data the specs rely on (replay-and-history.md 1.1 and 1.2).
INSERT INTO fulfillment_providers (id, name, description, base_url, allowed_regions, metadata_json, status, health_status)
VALUES ('xyz', 'XYZ Growth Network', NULL, 'https://api.xyzgrowth.example', '["eu"]',
        '{"supportEmail":"ops@xyzgrowth.example","docUrl":"https://xyzgrowth.example/docs/api"}', 'active', 'unknown')
ON CONFLICT (id) DO NOTHING;
INSERT INTO fulfillment_services (id, provider_id, name, action, category, default_currency, metadata_json)
VALUES ('321', 'xyz', 'Followers EU (standard)', 'followers_eu_standard', 'followers', 'EUR',
        '{"maxQuantity":10000,"leadTimeDays":5}'),
       ('svc_followers_eu', 'xyz', 'Followers EU', 'followers_eu_standard', 'followers', 'EUR',
        '{"maxQuantity":10000,"leadTimeDays":5}')
ON CONFLICT (id) DO NOTHING;

-- Orders (README "Resolutions 13": minimal tables the alert and report queries read) ------------------------

CREATE TABLE IF NOT EXISTS orders (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    status      varchar(64) NOT NULL DEFAULT 'pending',
    total_price numeric(12, 2),
    currency    varchar(8),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS ix_orders_created_at ON orders (created_at);

CREATE TABLE IF NOT EXISTS order_items (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id         uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id       varchar(64),
    -- json, not jsonb: alerts.md AL-LOAD-4 reads it with ->> and keeps it as written
    selected_options json,
    quantity         integer NOT NULL DEFAULT 1,
    unit_price       numeric(12, 2),
    total_price      numeric(12, 2),
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS ix_order_items_order_id ON order_items (order_id);

-- Provider orders and their timeline --------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS fulfillment_provider_orders (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id       uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    order_item_id  uuid NOT NULL REFERENCES order_items (id) ON DELETE CASCADE,
    provider_id    varchar(64) NOT NULL,          -- no FK: may reference a deleted provider
    provider_name  varchar(255),
    service_id     varchar(64) NOT NULL,
    service_action varchar(255),
    amount         numeric(12, 2),
    currency       varchar(8),
    payload        jsonb,                         -- the automation document; jsonb so batch scans stay cheap
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS ix_fulfillment_provider_orders_order_id ON fulfillment_provider_orders (order_id);
CREATE INDEX IF NOT EXISTS ix_fulfillment_provider_orders_order_item_id ON fulfillment_provider_orders (order_item_id);
CREATE INDEX IF NOT EXISTS ix_fulfillment_provider_orders_service_id ON fulfillment_provider_orders (service_id);
CREATE INDEX IF NOT EXISTS ix_fulfillment_provider_orders_provider_created
    ON fulfillment_provider_orders (provider_id, created_at DESC);

CREATE TABLE IF NOT EXISTS order_state_events (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id    uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    event_type  order_state_event_type_enum NOT NULL,
    actor_type  order_state_actor_type_enum,
    actor_id    varchar(255),
    actor_label varchar(255),
    from_status varchar(64),
    to_status   varchar(64),
    notes       text,
    metadata    json NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS ix_order_state_events_order_created ON order_state_events (order_id, created_at);

-- Operator idempotency keys for single-order replays (kept 24 h).
CREATE TABLE IF NOT EXISTS replay_idempotency_keys (
    provider_order_id uuid NOT NULL REFERENCES fulfillment_provider_orders (id) ON DELETE CASCADE,
    idempotency_key   varchar(255) NOT NULL,
    response          json NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider_order_id, idempotency_key)
);
CREATE INDEX IF NOT EXISTS ix_replay_idempotency_keys_created_at ON replay_idempotency_keys (created_at);

-- Run history (the single source of the status endpoint) ----------------------------------------------------

CREATE TABLE IF NOT EXISTS provider_automation_runs (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- a stable insertion order: history ties on created_at are broken by it, newest first
    seq               bigserial NOT NULL,
    run_type          provider_automation_run_type_enum NOT NULL,
    status            varchar(32) NOT NULL DEFAULT 'success',
    summary           json NOT NULL,            -- json keeps the members in the order the run produced them
    metadata_json     json,
    backlog_total     integer,
    next_scheduled_at timestamptz,
    alerts_sent       integer,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS ix_provider_automation_runs_type_created
    ON provider_automation_runs (run_type, created_at DESC, seq DESC);

-- Guardrail playbook and follow-ups ---------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS provider_guardrail_followup (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    provider_id       varchar(128) NOT NULL,
    provider_name     varchar(255),
    action            varchar(64) NOT NULL,
    notes             text,
    platform_context  json,
    attachments       json,
    conversion_cursor varchar(255),
    conversion_href   text,
    created_at        timestamptz NOT NULL DEFAULT now()
);
-- the export's keyset order (exports.md 3.1) and the operator timeline per provider
CREATE INDEX IF NOT EXISTS ix_provider_guardrail_followup_created_id ON provider_guardrail_followup (created_at, id);
CREATE INDEX IF NOT EXISTS ix_provider_guardrail_followup_provider_created
    ON provider_guardrail_followup (provider_id, created_at DESC);

CREATE TABLE IF NOT EXISTS provider_guardrail_status (
    provider_id       varchar(128) PRIMARY KEY,
    provider_name     varchar(255),
    last_action       varchar(64),
    is_paused         boolean NOT NULL DEFAULT false,
    last_source       varchar(32) NOT NULL DEFAULT 'manual',
    last_follow_up_id uuid REFERENCES provider_guardrail_followup (id) ON DELETE SET NULL,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ck_provider_guardrail_status_source CHECK (last_source IN ('manual', 'automation'))
);

-- Alert cooldown state, shared by every instance (alerts.md AL-DEDUP-2).
CREATE TABLE IF NOT EXISTS provider_alert_notification_state (
    fingerprint      varchar(512) PRIMARY KEY,
    alert_kind       varchar(16) NOT NULL,
    provider_id      varchar(128) NOT NULL,
    preset_id        varchar(255),
    service_id       varchar(64),
    first_seen_at    timestamptz NOT NULL,
    last_seen_at     timestamptz NOT NULL,
    last_notified_at timestamptz,
    notify_count     integer NOT NULL DEFAULT 0,
    CONSTRAINT ck_provider_alert_notification_state_kind CHECK (alert_kind IN ('automation', 'load'))
);

-- Message enrichment sources (alerts.md 10.4); empty unless another system fills them.
CREATE TABLE IF NOT EXISTS provider_platform_context_cache (
    provider_id         varchar(128) NOT NULL,
    platform_context_id varchar(255) NOT NULL,
    label               varchar(255) NOT NULL,
    handle              varchar(255),
    platform_type       varchar(64),
    last_seen_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider_id, platform_context_id)
);
CREATE INDEX IF NOT EXISTS ix_provider_platform_context_cache_seen
    ON provider_platform_context_cache (provider_id, last_seen_at DESC);

CREATE TABLE IF NOT EXISTS onboarding_experiment_events (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    journey_id      uuid NOT NULL,
    order_id        uuid,
    experiment_slug varchar(128) NOT NULL,
    variant         varchar(128),
    event_type      varchar(64) NOT NULL DEFAULT 'pricing_experiment',
    order_total     numeric(12, 2),
    order_currency  varchar(8),
    loyalty_points  integer NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS ix_onboarding_experiment_events_created ON onboarding_experiment_events (created_at DESC);

-- Export pipelines (README "Resolutions 6": state in Postgres so any instance can run any firing) ---------

CREATE TABLE IF NOT EXISTS export_cursors (
    pipeline          varchar(64) NOT NULL,
    provider_scope    varchar(128) NOT NULL DEFAULT '',   -- '' is the unfiltered cursor
    cursor            varchar(64),
    last_follow_up_id uuid,
    provider_id       varchar(128),
    rows              bigint NOT NULL DEFAULT 0,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (pipeline, provider_scope)
);

CREATE TABLE IF NOT EXISTS export_runs (
    run_id            uuid PRIMARY KEY,
    pipeline          varchar(64) NOT NULL,
    trigger           varchar(16) NOT NULL,
    status            varchar(16) NOT NULL,
    error_category    varchar(32),
    error_detail      text,
    rows              bigint NOT NULL DEFAULT 0,
    cursor            varchar(64),
    last_follow_up_id uuid,
    started_at        timestamptz NOT NULL,
    finished_at       timestamptz,
    CONSTRAINT ck_export_runs_trigger CHECK (trigger IN ('schedule', 'manual', 'command')),
    CONSTRAINT ck_export_runs_status CHECK (status IN ('running', 'succeeded', 'failed'))
);
CREATE INDEX IF NOT EXISTS ix_export_runs_pipeline_started ON export_runs (pipeline, started_at DESC);

CREATE TABLE IF NOT EXISTS export_status_documents (
    pipeline   varchar(64) PRIMARY KEY,
    document   json NOT NULL,           -- member order is part of the contract (exports.md 3.12)
    updated_at timestamptz NOT NULL
);
