package com.smplat.providerautomation.exports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.support.AtomicFiles;
import com.smplat.providerautomation.support.Timestamps;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Java side of the run-history export route ({@code routes/export-runs-routes.yaml}, exports.md 2): the source
 * flattening of the history, the document for camel-csv or camel-jackson, and the atomic write of what they produced.
 * The route keeps the run's values in exchange properties {@link #REQUEST}, {@link #ROWS} and {@link #STARTED}.
 */
@Component("runHistoryExport")
public class RunHistoryExport {
    public static final String REQUEST = "runHistoryRequest";
    public static final String ROWS = "runHistoryRows";
    public static final String STARTED = "runHistoryStartedAt";
    private static final Logger LOG = LoggerFactory.getLogger(RunHistoryExport.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private volatile PrintStream stdout = System.out;

    void redirectStdout(PrintStream out) {
        this.stdout = out;
    }

    /** When the run started: names the file in the export dir. */
    public Instant startedAt() {
        return Timestamps.now();
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


    /** Writes the document: --output, else a timestamped file in the export dir, else stdout; files atomically. */
    public String write(RunHistoryExportRequest request, byte[] content, List<RunHistoryRows.Row> written, Instant started) {
        if (request.format().equals("json") && (content.length == 0 || content[content.length - 1] != '\n')) {
            byte[] withNewline = new byte[content.length + 1];
            System.arraycopy(content, 0, withNewline, 0, content.length);
            withNewline[content.length] = '\n';
            content = withNewline;
        }
        int rows = written.size();
        Path target = request.output();
        if (target == null && request.exportDir() != null) {
            target = request.exportDir().resolve("provider_automation_runs_" + STAMP.format(started) + "." + request.format());
        }
        if (target == null) {
            stdout.write(content, 0, content.length);
            stdout.flush();
            if (stdout.checkError()) {
                throw new ExportFailure(ExportFailure.SINK, "writing to stdout failed");
            }
        } else {
            try {
                AtomicFiles.write(target, content);
            } catch (IOException e) {
                throw new ExportFailure(ExportFailure.SINK, "writing " + target + " failed (" + e.getClass().getSimpleName() + ")");
            }
        }
        String where = target == null ? "stdout" : target.toString();
        if (rows == 0) {
            LOG.warn("Run-history export found no runs; wrote an empty export to {}", where);
        } else {
            LOG.info("Run-history export wrote {} row(s) to {}", rows, where);
        }
        return new String(("{\"rows\": " + rows + ", \"path\": " + CanonicalJson.line(target == null ? null : target.toString())
                + "}").getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
