package com.smplat.providerautomation.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/** {@code provider_alert_notification_state}: the cooldown memory of every fired alert fingerprint, shared by all instances. */
@Repository
public class NotificationStateRepository {

    /** One fired alert's identity. */
    public record Fingerprint(String fingerprint, String kind, String providerId, String presetId, String serviceId) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public NotificationStateRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks every fingerprint as seen at {@code now} and returns the last notification time of those notified before. */
    public Map<String, Instant> seen(List<Fingerprint> fired, Instant now) {
        if (fired.isEmpty()) {
            return Map.of();
        }
        SqlParameterSource[] batch = fired.stream().map(f -> new MapSqlParameterSource("fingerprint", f.fingerprint())
                .addValue("kind", f.kind()).addValue("providerId", f.providerId()).addValue("presetId", f.presetId())
                .addValue("serviceId", f.serviceId()).addValue("now", Timestamp.from(now))).toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("""
                INSERT INTO provider_alert_notification_state (fingerprint, alert_kind, provider_id, preset_id, service_id,
                                                               first_seen_at, last_seen_at)
                VALUES (:fingerprint, :kind, :providerId, :presetId, :serviceId, :now, :now)
                ON CONFLICT (fingerprint) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at""", batch);
        Map<String, Instant> notified = new HashMap<>();
        jdbc.query("""
                SELECT fingerprint, last_notified_at FROM provider_alert_notification_state
                 WHERE fingerprint IN (:fingerprints) AND last_notified_at IS NOT NULL""",
                new MapSqlParameterSource("fingerprints", fired.stream().map(Fingerprint::fingerprint).toList()),
                rs -> {
                    notified.put(rs.getString("fingerprint"), rs.getObject("last_notified_at", OffsetDateTime.class).toInstant());
                });
        return notified;
    }

    /** After a run notification reached at least one channel (AL-DEDUP-5). */
    public void notified(List<String> fingerprints, Instant at) {
        if (fingerprints.isEmpty()) {
            return;
        }
        jdbc.update("""
                UPDATE provider_alert_notification_state SET last_notified_at = :at, notify_count = notify_count + 1
                 WHERE fingerprint IN (:fingerprints)""",
                new MapSqlParameterSource("fingerprints", fingerprints).addValue("at", Timestamp.from(at)));
    }
}
