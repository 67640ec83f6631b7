package com.smplat.providerautomation.history;

import com.smplat.providerautomation.support.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code provider_automation_runs}: the run history, and the only source of the automation status. */
@Repository
public class RunHistoryRepository {
    private static final String COLUMNS = """
            id, run_type::text AS run_type, status, summary::text AS summary, metadata_json::text AS metadata_json,
            backlog_total, next_scheduled_at, alerts_sent, created_at""";

    private final NamedParameterJdbcTemplate jdbc;

    public RunHistoryRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code limit} runs of every type, each newest first ({@code created_at} descending, then insertion order
     * descending), in one round trip: the status endpoint is read far more often than runs are written.
     */
    public Map<RunType, List<RunRecord>> newestPerType(int limit) {
        Map<RunType, List<RunRecord>> result = new EnumMap<>(RunType.class);
        for (RunType type : RunType.values()) {
            result.put(type, new ArrayList<>());
        }
        jdbc.query("(SELECT " + COLUMNS + ", seq FROM provider_automation_runs WHERE run_type = 'replay'"
                        + " ORDER BY created_at DESC, seq DESC LIMIT :limit)"
                        + " UNION ALL (SELECT " + COLUMNS + ", seq FROM provider_automation_runs WHERE run_type = 'alert'"
                        + " ORDER BY created_at DESC, seq DESC LIMIT :limit)"
                        + " ORDER BY run_type, created_at DESC, seq DESC",
                new MapSqlParameterSource("limit", limit),
                rs -> {
                    RunRecord run = map(rs, 0);
                    result.get(run.runType()).add(run);
                });
        return result;
    }

    public void insert(RunRecord run) {
        jdbc.update("""
                INSERT INTO provider_automation_runs
                    (id, run_type, status, summary, metadata_json, backlog_total, next_scheduled_at, alerts_sent, created_at)
                VALUES (:id, CAST(:runType AS provider_automation_run_type_enum), :status, CAST(:summary AS json),
                        CAST(:metadata AS json), :backlogTotal, :nextScheduledAt, :alertsSent, :createdAt)""",
                new MapSqlParameterSource("id", run.id())
                        .addValue("runType", run.runType().dbValue())
                        .addValue("status", run.status())
                        .addValue("summary", Json.write(run.summary()))
                        .addValue("metadata", run.metadata() == null || run.metadata().isNull() ? null : Json.write(run.metadata()))
                        .addValue("backlogTotal", run.backlogTotal())
                        .addValue("nextScheduledAt", timestamp(run.nextScheduledAt()))
                        .addValue("alertsSent", run.alertsSent())
                        .addValue("createdAt", timestamp(run.createdAt())));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static RunRecord map(ResultSet rs, int row) throws SQLException {
        return new RunRecord(
                rs.getObject("id", UUID.class),
                "alert".equals(rs.getString("run_type")) ? RunType.ALERT : RunType.REPLAY,
                rs.getString("status"),
                Json.readOrNull(rs.getString("summary")),
                Json.readOrNull(rs.getString("metadata_json")),
                (Integer) rs.getObject("backlog_total"),
                instant(rs.getObject("next_scheduled_at", OffsetDateTime.class)),
                (Integer) rs.getObject("alerts_sent"),
                instant(rs.getObject("created_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
