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
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Java side of the run-history export route ({@code routes/export-runs-routes.yaml}, exports.md 2): the source
 * request, flattening, and the atomic write of the file camel-csv or camel-jackson produced. State in exchange
 * property {@link #REQUEST} and {@link #ROWS}.
 */
@Component("runHistoryExport")
public class RunHistoryExport {
    public static final String REQUEST = "runHistoryRequest";
    public static final String ROWS = "runHistoryRows";
    public static final String STARTED = "runHistoryStartedAt";
    /** The bytes written, for the metrics step after the write. */
    public static final String BYTES = "runHistoryBytes";
    private static final Logger LOG = LoggerFactory.getLogger(RunHistoryExport.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private volatile PrintStream stdout = System.out;

    void redirectStdout(PrintStream out) {
        this.stdout = out;
    }

    public void begin(Exchange exchange) {
        RunHistoryExportRequest request = exchange.getMessage().getBody(RunHistoryExportRequest.class);
        exchange.setProperty(REQUEST, request);
        exchange.setProperty(STARTED, Timestamps.now());
        exchange.getMessage().removeHeaders("*");
    }

    private static RunHistoryExportRequest request(Exchange exchange) {
        return exchange.getProperty(REQUEST, RunHistoryExportRequest.class);
    }

    /** GET the history with limit, Accept JSON and (only with a token) the bearer header; the URL goes in headers. */
    public void prepareSource(Exchange exchange) {
        RunHistoryExportRequest request = request(exchange);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setBody(null);
        message.setHeader(Exchange.HTTP_URI, request.historyUrl());
        message.setHeader(Exchange.HTTP_RAW_QUERY, "limit=" + request.limit());
        message.setHeader(Exchange.HTTP_METHOD, "GET");
        message.setHeader("Accept", "application/json");
        if (request.authToken() != null) {
            message.setHeader("Authorization", "Bearer " + request.authToken());
        }
        exchange.setProperty("runHistoryTimeoutMillis", request.timeoutMillis());
        exchange.setProperty(ExportRetries.BASE_DELAY, request.retryBaseMillis());
        exchange.removeProperty(ExportRetries.FAILURE);
    }

    /** The source's answer (or the in-process history) flattened into rows; a failed request or bad body fails the run. */
    public void flatten(Exchange exchange) {
        RunHistoryExportRequest request = request(exchange);
        Throwable failure = exchange.getProperty(ExportRetries.FAILURE, Throwable.class);
        exchange.removeProperty(ExportRetries.FAILURE);
        if (failure != null) {
            Integer status = ExportRetries.httpStatus(failure);
            throw new ExportFailure(ExportFailure.SOURCE, (status != null ? "HTTP " + status : ExportRetries.describe(failure))
                    + " from " + request.historyUrl() + "?limit=" + request.limit());
        }
        JsonNode response;
        try {
            String body = exchange.getMessage().getBody(String.class);
            response = body == null ? null : CanonicalJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            response = null;
        }
        if (response == null || !response.isObject()) {
            throw new ExportFailure(ExportFailure.SOURCE, "the history response is not a JSON object");
        }
        List<RunHistoryRows.Row> rows = RunHistoryRows.flatten(response);
        exchange.setProperty(ROWS, rows);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        if (request.format().equals("csv")) {
            List<List<String>> records = new ArrayList<>(rows.size() + 1);
            records.add(RunHistoryRows.csvHeader());
            rows.forEach(row -> records.add(RunHistoryRows.csvRecord(row)));
            message.setBody(records);
        } else {
            List<Map<String, Object>> runs = new ArrayList<>(rows.size());
            rows.forEach(row -> runs.add(RunHistoryRows.jsonRow(row)));
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("runs", runs);
            message.setBody(document);
        }
    }

    /** The in-process history of the scheduled route, as the HTTP contract would have answered it. */
    public void fromHistory(Exchange exchange) {
        JsonNode history = exchange.getMessage().getBody(JsonNode.class);
        exchange.getMessage().setBody(history == null ? null : history.toString());
    }

    /** Writes the document: --output, else a timestamped file in the export dir, else stdout; files atomically. */
    public String write(Exchange exchange) throws IOException {
        RunHistoryExportRequest request = request(exchange);
        byte[] content = exchange.getMessage().getBody(byte[].class);
        if (request.format().equals("json") && (content.length == 0 || content[content.length - 1] != '\n')) {
            byte[] withNewline = new byte[content.length + 1];
            System.arraycopy(content, 0, withNewline, 0, content.length);
            withNewline[content.length] = '\n';
            content = withNewline;
        }
        int rows = exchange.getProperty(ROWS, List.class).size();
        Path target = request.output();
        if (target == null && request.exportDir() != null) {
            Instant started = exchange.getProperty(STARTED, Instant.class);
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
        exchange.setProperty(BYTES, content.length);
        String where = target == null ? "stdout" : target.toString();
        if (rows == 0) {
            LOG.warn("Run-history export found no runs; wrote an empty export to {}", where);
        } else {
            LOG.info("Run-history export wrote {} row(s) to {}", rows, where);
        }
        exchange.getMessage().removeHeaders("*");
        return new String(("{\"rows\": " + rows + ", \"path\": " + CanonicalJson.line(target == null ? null : target.toString())
                + "}").getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
