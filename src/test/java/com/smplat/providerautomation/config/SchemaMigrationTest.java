package com.smplat.providerautomation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.smplat.providerautomation.ServiceTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Flyway migrations against real PostgreSQL, each case in a database of its own on the service's server,
 * and both forms of {@code DATABASE_URL}.
 */
@ServiceTest
class SchemaMigrationTest {
    private static final Pattern JDBC = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");
    static final List<String> TABLES = List.of(
            "fulfillment_providers", "fulfillment_services", "fulfillment_provider_balances", "orders", "order_items",
            "fulfillment_provider_orders", "order_state_events", "replay_idempotency_keys", "provider_automation_runs",
            "provider_guardrail_followup", "provider_guardrail_status", "provider_alert_notification_state",
            "provider_platform_context_cache", "onboarding_experiment_events", "export_cursors", "export_runs",
            "export_status_documents", "qrtz_job_details", "qrtz_triggers", "qrtz_cron_triggers", "qrtz_fired_triggers",
            "qrtz_scheduler_state", "qrtz_locks");
    static final List<String> INDEXES = List.of(
            "ix_fulfillment_providers_status", "ix_fulfillment_providers_health_status",
            "uq_fulfillment_provider_balances_provider_id", "ix_fulfillment_provider_orders_order_id",
            "ix_fulfillment_provider_orders_order_item_id", "ix_fulfillment_provider_orders_service_id",
            "ix_fulfillment_provider_orders_provider_created_id", "ix_provider_automation_runs_type_created",
            "ix_provider_guardrail_followup_created_id", "ix_order_state_events_order_created");

    @Autowired
    DatabaseEndpoint endpoint;

    @Autowired
    JdbcTemplate jdbc;

    /** A new empty database on the service's server; skipped when DATABASE_URL gives no right to create one. */
    private DatabaseTarget freshDatabase() {
        String name = "migration_" + UUID.randomUUID().toString().replace("-", "");
        try {
            jdbc.execute("CREATE DATABASE " + name);
        } catch (RuntimeException e) {
            assumeTrue(false, "cannot create databases on this server: " + e.getMessage());
        }
        Matcher m = JDBC.matcher(endpoint.target().jdbcUrl());
        assertThat(m.matches()).isTrue();
        return new DatabaseTarget(m.group(1) + name + m.group(3), endpoint.target().user(), endpoint.target().password());
    }

    @Value("${spring.flyway.baseline-on-migrate}")
    boolean baselineOnMigrate;

    @Value("${spring.flyway.baseline-version}")
    String baselineVersion;

    /** Flyway as the service configures it. */
    private Flyway flyway(DatabaseTarget target) {
        return Flyway.configure().dataSource(target.jdbcUrl(), target.user(), target.password())
                .locations("classpath:db/migration").baselineOnMigrate(baselineOnMigrate).baselineVersion(baselineVersion)
                .load();
    }

    private static Connection connect(DatabaseTarget target) throws SQLException {
        Properties properties = new Properties();
        if (target.user() != null) {
            properties.setProperty("user", target.user());
        }
        if (target.password() != null) {
            properties.setProperty("password", target.password());
        }
        return DriverManager.getConnection(target.jdbcUrl(), properties);
    }

    private static List<String> names(DatabaseTarget target, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = connect(target); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void migratesAnEmptyDatabaseToEveryTableAndIndex() throws SQLException {
        DatabaseTarget target = freshDatabase();
        MigrateResult result = flyway(target).migrate();
        assertThat(result.success).isTrue();
        assertThat(names(target, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
                .containsAll(TABLES);
        assertThat(names(target, "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")).containsAll(INDEXES);
        assertThat(names(target, "SELECT name FROM fulfillment_providers WHERE id = 'xyz'")).containsExactly("XYZ Growth Network");
        assertThat(names(target, "SELECT id FROM fulfillment_services ORDER BY id")).containsExactly("321", "svc_followers_eu");
    }

    @Test
    void migratingAgainChangesNothing() {
        DatabaseTarget target = freshDatabase();
        flyway(target).migrate();
        assertThat(flyway(target).migrate().migrationsExecuted).isZero();
    }

    @Test
    void theScriptsRunAgainOverASchemaThatAlreadyHasTheirObjects() throws SQLException {
        DatabaseTarget target = freshDatabase();
        MigrateResult first = flyway(target).migrate();
        try (Connection connection = connect(target); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE flyway_schema_history");
        }
        MigrateResult rerun = flyway(target).migrate();
        assertThat(rerun.success).isTrue();
        assertThat(rerun.migrationsExecuted).isEqualTo(first.migrationsExecuted);
    }

    @Test
    void aRunTypeEnumThatAlreadyExistsIsReused() throws SQLException {
        DatabaseTarget target = freshDatabase();
        try (Connection connection = connect(target); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TYPE provider_automation_run_type_enum AS ENUM ('replay', 'alert')");
        }
        assertThat(flyway(target).migrate().success).isTrue();
        assertThat(names(target, """
                SELECT udt_name FROM information_schema.columns
                 WHERE table_name = 'provider_automation_runs' AND column_name = 'run_type'"""))
                .containsExactly("provider_automation_run_type_enum");
    }

    @Test
    void bothDatabaseUrlFormsConnect() throws SQLException {
        DatabaseTarget target = freshDatabase();
        Matcher m = JDBC.matcher(target.jdbcUrl());
        assertThat(m.matches()).isTrue();
        String hostPort = m.group(1).substring("jdbc:postgresql://".length(), m.group(1).length() - 1);
        String database = m.group(2);
        try (Connection connection = connect(target); Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE app_" + database + " LOGIN PASSWORD 'p@ss:word'");
        }
        DatabaseTarget platform = DatabaseTarget.parse(
                "postgresql://app_" + database + ":p%40ss%3Aword@" + hostPort + "/" + database, Optional.empty(), Optional.empty());
        DatabaseTarget jdbcForm = DatabaseTarget.parse(
                "jdbc:postgresql://" + hostPort + "/" + database, Optional.of("app_" + database), Optional.of("p@ss:word"));
        for (DatabaseTarget form : List.of(platform, jdbcForm)) {
            assertThat(names(form, "SELECT current_database() || ' ' || current_user"))
                    .containsExactly(database + " app_" + database);
        }
    }
}
