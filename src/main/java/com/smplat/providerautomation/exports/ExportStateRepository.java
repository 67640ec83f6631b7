package com.smplat.providerautomation.exports;

import com.smplat.providerautomation.support.Timestamps;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Export state in Postgres (service contract, resolution 6): the cursor store {@code db} ({@code export_cursors}, keyed
 * by pipeline and provider scope), run records ({@code export_runs}) and the published status document.
 */
@Repository
public class ExportStateRepository {
    /** Run records kept per pipeline (the spec asks for at least 50). */
    static final int RUNS_KEPT = 200;

    private final NamedParameterJdbcTemplate jdbc;

    public ExportStateRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CursorState> cursor(String pipeline, String scope) {
        List<CursorState> found = jdbc.query("""
                SELECT cursor, last_follow_up_id::text AS last_id, provider_id, rows, updated_at
                  FROM export_cursors WHERE pipeline = :pipeline AND provider_scope = :scope""",
                new MapSqlParameterSource("pipeline", pipeline).addValue("scope", scope),
                (rs, i) -> new CursorState(rs.getString("cursor"), rs.getString("last_id"), rs.getString("provider_id"),
                        rs.getLong("rows"), Timestamps.canonical(rs.getTimestamp("updated_at").toInstant())));
        return found.stream().findFirst();
    }

    public void saveCursor(String pipeline, String scope, CursorState state) {
        jdbc.update("""
                INSERT INTO export_cursors (pipeline, provider_scope, cursor, last_follow_up_id, provider_id, rows, updated_at)
                VALUES (:pipeline, :scope, :cursor, CAST(:lastId AS uuid), :providerId, :rows, :updatedAt)
                ON CONFLICT (pipeline, provider_scope) DO UPDATE SET cursor = EXCLUDED.cursor,
                    last_follow_up_id = EXCLUDED.last_follow_up_id, provider_id = EXCLUDED.provider_id,
                    rows = EXCLUDED.rows, updated_at = EXCLUDED.updated_at""",
                new MapSqlParameterSource("pipeline", pipeline).addValue("scope", scope)
                        .addValue("cursor", state.cursor()).addValue("lastId", state.lastFollowUpId())
                        .addValue("providerId", state.providerId()).addValue("rows", state.rows())
                        .addValue("updatedAt", Timestamp.from(Timestamps.parse(state.updatedAt()).orElseThrow())));
    }

    public void startRun(UUID runId, String pipeline, String trigger, Instant startedAt) {
        jdbc.update("""
                INSERT INTO export_runs (run_id, pipeline, trigger, status, started_at)
                VALUES (:runId, :pipeline, :trigger, 'running', :startedAt)""",
                new MapSqlParameterSource("runId", runId).addValue("pipeline", pipeline).addValue("trigger", trigger)
                        .addValue("startedAt", Timestamp.from(startedAt)));
        jdbc.update("""
                DELETE FROM export_runs WHERE pipeline = :pipeline AND run_id NOT IN (
                    SELECT run_id FROM export_runs WHERE pipeline = :pipeline ORDER BY started_at DESC LIMIT :kept)""",
                new MapSqlParameterSource("pipeline", pipeline).addValue("kept", RUNS_KEPT));
    }

    public void finishRun(UUID runId, ExportOutcome outcome, Instant finishedAt) {
        jdbc.update("""
                UPDATE export_runs SET status = :status, error_category = :category, error_detail = :detail, rows = :rows,
                       cursor = :cursor, last_follow_up_id = CAST(:lastId AS uuid), finished_at = :finishedAt
                 WHERE run_id = :runId""",
                new MapSqlParameterSource("runId", runId).addValue("status", outcome.succeeded() ? "succeeded" : "failed")
                        .addValue("category", outcome.category()).addValue("detail", outcome.detail())
                        .addValue("rows", outcome.rows()).addValue("cursor", outcome.cursor())
                        .addValue("lastId", outcome.lastFollowUpId()).addValue("finishedAt", Timestamp.from(finishedAt)));
    }

    /** The run record view of exports.md 3.11, members in order. */
    public Optional<Map<String, Object>> run(String pipeline, UUID runId) {
        return jdbc.query("""
                SELECT run_id::text AS run_id, trigger, status, error_category, rows, cursor, last_follow_up_id::text AS last_id,
                       started_at, finished_at
                  FROM export_runs WHERE pipeline = :pipeline AND run_id = :runId""",
                new MapSqlParameterSource("pipeline", pipeline).addValue("runId", runId), (rs, i) -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("runId", rs.getString("run_id"));
                    view.put("trigger", rs.getString("trigger"));
                    view.put("status", rs.getString("status"));
                    view.put("errorCategory", rs.getString("error_category"));
                    view.put("rows", rs.getLong("rows"));
                    view.put("cursor", rs.getString("cursor"));
                    view.put("lastFollowUpId", rs.getString("last_id"));
                    view.put("startedAt", Timestamps.canonical(rs.getTimestamp("started_at").toInstant()));
                    Timestamp finished = rs.getTimestamp("finished_at");
                    view.put("finishedAt", finished == null ? null : Timestamps.canonical(finished.toInstant()));
                    return view;
                }).stream().findFirst();
    }

    /** The newest run still marked running, if any. */
    public Optional<String> runningRun(String pipeline) {
        return jdbc.queryForList("""
                SELECT run_id::text FROM export_runs WHERE pipeline = :pipeline AND status = 'running'
                 ORDER BY started_at DESC LIMIT 1""", new MapSqlParameterSource("pipeline", pipeline), String.class)
                .stream().findFirst();
    }

    /** Runs left as running by an instance that died (their lock is gone): failed, so none stays running forever. */
    public void abandonRunning(String pipeline, Instant now) {
        jdbc.update("""
                UPDATE export_runs SET status = 'failed', error_detail = 'interrupted', finished_at = :now
                 WHERE pipeline = :pipeline AND status = 'running'""",
                new MapSqlParameterSource("pipeline", pipeline).addValue("now", Timestamp.from(now)));
    }

    public void saveStatus(String pipeline, String document, Instant now) {
        jdbc.update("""
                INSERT INTO export_status_documents (pipeline, document, updated_at) VALUES (:pipeline, CAST(:document AS json), :now)
                ON CONFLICT (pipeline) DO UPDATE SET document = EXCLUDED.document, updated_at = EXCLUDED.updated_at""",
                new MapSqlParameterSource("pipeline", pipeline).addValue("document", document).addValue("now", Timestamp.from(now)));
    }

    public Optional<String> status(String pipeline) {
        return jdbc.queryForList("SELECT document::text FROM export_status_documents WHERE pipeline = :pipeline",
                new MapSqlParameterSource("pipeline", pipeline), String.class).stream().findFirst();
    }
}
