package com.smplat.providerautomation.exports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.support.Timestamps;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The functions of the run-history export route ({@code routes/export-runs-routes.yaml}, exports.md 2): the run's
 * start and output file, the flattening of the history, the document for camel-csv or camel-jackson, and the write to
 * stdout. Files are written by the route's {@code file:} step. The route keeps the run's values in exchange
 * properties {@link #REQUEST}, {@link #RUN} and {@link #ROWS}.
 */
@Component("runHistoryExport")
public class RunHistoryExport {
    public static final String REQUEST = "runHistoryRequest";
    public static final String RUN = "runHistoryRun";
    public static final String ROWS = "runHistoryRows";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * One run: when it started, and its output file (--output, else a timestamped file in the export dir, else null
     * for stdout): {@code fileName} is its absolute path below the file system root, the name the route's
     * {@code file:/} step writes; {@code where} as given, for the log ({@code stdout} without a file); and
     * {@code targetJson} as a JSON string for the run's summary line.
     */
    public record Run(Instant startedAt, String fileName, String where, String targetJson) {
    }

    /** The run's start and output file. */
    public Run begin(RunHistoryExportRequest request) {
        Instant started = Timestamps.now();
        Path target = request.output();
        if (target == null && request.exportDir() != null) {
            target = request.exportDir().resolve("provider_automation_runs_" + STAMP.format(started) + "." + request.format());
        }
        String fileName = null;
        if (target != null) {
            Path absolute = target.toAbsolutePath().normalize();
            fileName = absolute.getRoot().relativize(absolute).toString();
        }
        return new Run(started, fileName, target == null ? "stdout" : target.toString(),
                CanonicalJson.line(target == null ? null : target.toString()));
    }

    /**
     * The source's answer (or the in-process history) flattened into rows; a failure left by the request's retries
     * ({@link ExportRetries#FAILURE}) or a body that is not a JSON object fails the run.
     */
    public List<RunHistoryRows.Row> flatten(RunHistoryExportRequest request, Throwable failure, String body) {
        if (failure != null) {
            Integer status = ExportRetries.httpStatus(failure);
            throw new ExportFailure(ExportFailure.SOURCE, (status != null ? "HTTP " + status : ExportRetries.describe(failure))
                    + " from " + request.historyUrl() + "?limit=" + request.limit());
        }
        JsonNode response;
        try {
            response = body == null ? null : CanonicalJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            response = null;
        }
        if (response == null || !response.isObject()) {
            throw new ExportFailure(ExportFailure.SOURCE, "the history response is not a JSON object");
        }
        return RunHistoryRows.flatten(response);
    }

    /** The rows as the document the format's data format marshals: CSV records, or {"runs": [...]}. */
    public Object document(RunHistoryExportRequest request, List<RunHistoryRows.Row> rows) {
        if (request.format().equals("csv")) {
            List<List<String>> records = new ArrayList<>(rows.size() + 1);
            records.add(RunHistoryRows.csvHeader());
            rows.forEach(row -> records.add(RunHistoryRows.csvRecord(row)));
            return records;
        } else {
            List<Map<String, Object>> runs = new ArrayList<>(rows.size());
            rows.forEach(row -> runs.add(RunHistoryRows.jsonRow(row)));
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("runs", runs);
            return document;
        }
    }

    /** The document to stdout (no --output, no export dir); a failed write fails the run as a sink failure. */
    public void writeStdout(byte[] content) {
        PrintStream stdout = System.out;
        stdout.write(content, 0, content.length);
        stdout.flush();
        if (stdout.checkError()) {
            throw new ExportFailure(ExportFailure.SINK, "writing to stdout failed");
        }
    }

    /** A failed file write: the run fails as a sink failure that names the file as given. */
    public void fileFailed(Run run, Throwable error) {
        throw new ExportFailure(ExportFailure.SINK, "writing " + run.where() + " failed (" + error.getClass().getSimpleName() + ")");
    }
}
