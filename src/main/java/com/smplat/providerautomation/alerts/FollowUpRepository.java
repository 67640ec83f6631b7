package com.smplat.providerautomation.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.support.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Guardrail follow-ups and the pause state they drive (alerts.md 5): a follow-up row and the provider's status row
 * are written in one transaction (AL-PB-0), so the status always names the follow-up that set it.
 */
@Repository
public class FollowUpRepository {

    /** A follow-up to record; {@code source} is {@code manual} or {@code automation}. */
    public record FollowUp(String providerId, String providerName, String action, String notes, JsonNode platformContext,
                           JsonNode attachments, String conversionCursor, String conversionHref, String source) {
    }

    /** A {@code provider_guardrail_status} row. */
    public record Status(String providerId, String providerName, String lastAction, boolean paused, String lastSource,
                         UUID lastFollowUpId, Instant updatedAt) {
    }

    /** The stored follow-up and the status row it left. */
    public record Recorded(UUID followUpId, Instant createdAt, Status status) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public FollowUpRepository(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public boolean providerExists(String providerId) {
        return !jdbc.queryForList("SELECT 1 FROM fulfillment_providers WHERE id = :id",
                new MapSqlParameterSource("id", providerId), Integer.class).isEmpty();
    }

    public Recorded record(FollowUp followUp) {
        return transaction.execute(tx -> {
            MapSqlParameterSource params = new MapSqlParameterSource("providerId", followUp.providerId())
                    .addValue("providerName", followUp.providerName())
                    .addValue("action", followUp.action())
                    .addValue("notes", followUp.notes())
                    .addValue("platformContext", json(followUp.platformContext()))
                    .addValue("attachments", json(followUp.attachments()))
                    .addValue("conversionCursor", followUp.conversionCursor())
                    .addValue("conversionHref", followUp.conversionHref())
                    .addValue("source", followUp.source());
            var inserted = jdbc.queryForMap("""
                    INSERT INTO provider_guardrail_followup (provider_id, provider_name, action, notes, platform_context,
                                                             attachments, conversion_cursor, conversion_href)
                    VALUES (:providerId, :providerName, :action, :notes, CAST(:platformContext AS json),
                            CAST(:attachments AS json), :conversionCursor, :conversionHref)
                    RETURNING id, created_at""", params);
            UUID id = (UUID) inserted.get("id");
            params.addValue("followUpId", id);
            // pause sets, resume clears, any other action keeps the paused flag; an empty name keeps the old one
            Status status = jdbc.queryForObject("""
                    INSERT INTO provider_guardrail_status (provider_id, provider_name, last_action, is_paused, last_source,
                                                           last_follow_up_id, updated_at)
                    VALUES (:providerId, NULLIF(:providerName, ''), :action, :action = 'pause', :source, :followUpId, now())
                    ON CONFLICT (provider_id) DO UPDATE SET
                        provider_name = COALESCE(NULLIF(EXCLUDED.provider_name, ''), provider_guardrail_status.provider_name),
                        last_action = EXCLUDED.last_action,
                        is_paused = CASE WHEN EXCLUDED.last_action = 'pause' THEN true
                                         WHEN EXCLUDED.last_action = 'resume' THEN false
                                         ELSE provider_guardrail_status.is_paused END,
                        last_source = EXCLUDED.last_source,
                        last_follow_up_id = EXCLUDED.last_follow_up_id,
                        updated_at = now()
                    RETURNING *""", params, (rs, row) -> status(rs));
            return new Recorded(id, ((java.sql.Timestamp) inserted.get("created_at")).toInstant(), status);
        });
    }

    public Optional<Status> status(String providerId) {
        return jdbc.query("SELECT * FROM provider_guardrail_status WHERE provider_id = :id",
                new MapSqlParameterSource("id", providerId), (rs, row) -> status(rs)).stream().findFirst();
    }

    /** Rows paused by the automation, resume candidates in provider id order (AL-PB-4). */
    public List<Status> pausedByAutomation() {
        return jdbc.query("""
                SELECT * FROM provider_guardrail_status WHERE is_paused AND last_source = 'automation'
                 ORDER BY provider_id COLLATE "C\"""", new MapSqlParameterSource(), (rs, row) -> status(rs));
    }

    private static Status status(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Status(rs.getString("provider_id"), rs.getString("provider_name"), rs.getString("last_action"),
                rs.getBoolean("is_paused"), rs.getString("last_source"), rs.getObject("last_follow_up_id", UUID.class),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static String json(JsonNode value) {
        return value == null || value.isNull() ? null : Json.write(value);
    }
}
