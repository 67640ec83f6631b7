package com.smplat.providerautomation.exports;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The GF source (exports.md 3.1, 3.3): one keyset page of {@code provider_guardrail_followup}, forward on
 * ({@code created_at}, {@code id}) after a position, up to the settle bound, in the index's order. The row-value
 * comparison runs in the database, so UUIDs compare unsigned. {@code attachments} is never read.
 */
@Repository
public class FollowUpExportRepository implements org.springframework.beans.factory.DisposableBean {
    private static final String PAGE = """
            SELECT id::text AS follow_up_id, provider_id, provider_name, action, notes,
                   CASE WHEN json_typeof(platform_context) = 'object' THEN platform_context::text END AS platform_context,
                   conversion_cursor, conversion_href,
                   to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at_text
              FROM provider_guardrail_followup
             WHERE (created_at, id) > (CAST(:afterTs AS timestamptz), CAST(:afterId AS uuid))
               AND created_at <= CAST(:upperBound AS timestamptz)
               %s
             ORDER BY created_at, id
             LIMIT %d""";

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

    /** Rows strictly after ({@code afterTs}, {@code afterId}), created at or before {@code upperBound}. */
    public List<FollowUpRows.Row> page(Instant afterTs, String afterId, Instant upperBound, String providerId, int pageSize) {
        // typed as timestamptz and uuid, so the row comparison is an index range on (created_at, id)
        MapSqlParameterSource params = new MapSqlParameterSource("afterTs", OffsetDateTime.ofInstant(afterTs, ZoneOffset.UTC))
                .addValue("afterId", UUID.fromString(afterId))
                .addValue("upperBound", OffsetDateTime.ofInstant(upperBound, ZoneOffset.UTC));
        String filter = "";
        if (providerId != null) {
            params.addValue("providerId", providerId);
            filter = "AND provider_id = :providerId";
        }
        List<FollowUpRows.Row> rows = new ArrayList<>(pageSize);
        // the page size is written into the SQL (an int, never text), so every plan knows how small the page is; the
        // output columns have names of their own so that ORDER BY means the indexed columns, not their text forms
        jdbc.query(PAGE.formatted(filter, pageSize), params, rs -> {
            rows.add(FollowUpRows.row(rs.getString("follow_up_id"), rs.getString("provider_id"), rs.getString("provider_name"),
                    rs.getString("action"), rs.getString("notes"), rs.getString("platform_context"),
                    rs.getString("conversion_cursor"), rs.getString("conversion_href"), rs.getString("created_at_text")));
        });
        return rows;
    }

    /** Whether rows beyond the run's limit remain (the backlog log line). */
    public boolean anyAfter(Instant afterTs, String afterId, Instant upperBound, String providerId) {
        return !page(afterTs, afterId, upperBound, providerId, 1).isEmpty();
    }
}
