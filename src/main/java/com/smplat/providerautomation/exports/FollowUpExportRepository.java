package com.smplat.providerautomation.exports;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The follow-up export's source (exports.md 3.1): the pool its page query reads through (route step
 * followup-export-read-page, bound in Camel's registry as {@code followUpExportSource}) and the backlog check.
 */
@Repository
public class FollowUpExportRepository implements org.springframework.beans.factory.DisposableBean {
    /** Whether a row remains after the run's last position (exports.md 3.3: the backlog log line). */
    private static final String ANY_AFTER = """
            SELECT EXISTS (SELECT 1 FROM provider_guardrail_followup
                            WHERE (created_at, id) > (CAST(:afterTs AS timestamptz), CAST(:afterId AS uuid))
                              AND created_at <= CAST(:upperBound AS timestamptz)
                              AND (CAST(:providerId AS text) IS NULL OR provider_id = CAST(:providerId AS text)))""";

    private final NamedParameterJdbcTemplate jdbc;
    /** The read replica's small pool when GUARDRAIL_EXPORT_DATABASE_URL is set (exports.md 3.1), else null. */
    private final com.zaxxer.hikari.HikariDataSource replica;

    public FollowUpExportRepository(NamedParameterJdbcTemplate jdbc, com.smplat.providerautomation.config.ExportSettings settings) {
        this.replica = settings.sourceDatabase().map(target -> {
            com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
            config.setPoolName("guardrail-export-source");
            config.setJdbcUrl(target.jdbcUrl());
            config.setUsername(target.user());
            config.setPassword(target.password());
            config.setMaximumPoolSize(2);
            // connect on first use: a replica that is down fails the run (category source), not the service start
            config.setInitializationFailTimeout(-1);
            config.setReadOnly(true);
            return new com.zaxxer.hikari.HikariDataSource(config);
        }).orElse(null);
        this.jdbc = replica == null ? jdbc : new NamedParameterJdbcTemplate(replica);
    }

    @Override
    public void destroy() {
        if (replica != null) {
            replica.close();
        }
    }

    /** The replica's pool when GUARDRAIL_EXPORT_DATABASE_URL is set, else the service's. */
    public DataSource dataSource() {
        return jdbc.getJdbcTemplate().getDataSource();
    }

    /** Whether rows beyond the run's limit remain (the backlog log line). */
    public boolean anyAfter(Instant afterTs, String afterId, Instant upperBound, String providerId) {
        MapSqlParameterSource params = new MapSqlParameterSource("afterTs", OffsetDateTime.ofInstant(afterTs, ZoneOffset.UTC))
                .addValue("afterId", UUID.fromString(afterId))
                .addValue("upperBound", OffsetDateTime.ofInstant(upperBound, ZoneOffset.UTC))
                .addValue("providerId", providerId);
        return Boolean.TRUE.equals(jdbc.queryForObject(ANY_AFTER, params, Boolean.class));
    }
}
