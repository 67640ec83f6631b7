package com.smplat.providerautomation.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.config.ExportSettings;
import com.smplat.providerautomation.config.SettingsException;
import com.smplat.providerautomation.exports.CursorState;
import com.smplat.providerautomation.exports.CursorStore;
import com.smplat.providerautomation.exports.ExportFailure;
import com.smplat.providerautomation.exports.FollowUpExportOptions;
import com.smplat.providerautomation.exports.FollowUpExportRequest;
import com.smplat.providerautomation.support.Json;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export-guardrail-followups", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Exports guardrail follow-ups (exports.md 3) forward on (createdAt, id), as NDJSON to stdout or a",
            "file, or page by page to a webhook or to S3 objects. Data goes to stdout, everything else to stderr.",
            "Environment: ANALYTICS_GUARDRAIL_WEBHOOK (--webhook-url fallback), ANALYTICS_GUARDRAIL_WEBHOOK_TOKEN,",
            "GUARDRAIL_EXPORT_WEBHOOK_SECRET (whsec_..., signed pages), GUARDRAIL_EXPORT_LANDING_S3_URI (the s3 sink),",
            "GUARDRAIL_EXPORT_CURSOR_S3_URI, GUARDRAIL_EXPORT_AWS_ACCESS_KEY_ID, GUARDRAIL_EXPORT_AWS_SECRET_ACCESS_KEY,",
            "GUARDRAIL_EXPORT_AWS_REGION, GUARDRAIL_EXPORT_S3_ENDPOINT (S3 settings apply with --cursor-store file|db),",
            "DATABASE_URL."},
        footer = {"", "Exit codes: 0 success (zero rows included), 1 runtime failure, 2 usage or configuration error."})
final class ExportFollowUpsCommand implements Callable<Integer> {
    private final ServiceLauncher launcher;

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", description = "Most rows this run exports, 1..1000000 (default 250).")
    String limit;
    @Option(names = "--cursor", paramLabel = "TS", description = "Start after this timestamp (rows at exactly TS included).")
    String cursor;
    @Option(names = "--provider-id", paramLabel = "ID", description = "Only this provider's rows (exact match).")
    String providerId;
    @Option(names = "--sink", paramLabel = "S", description = "stdout, file, webhook or s3 (default stdout).")
    String sink;
    @Option(names = "--file-path", paramLabel = "P", description = "File of the file sink (default guardrail_followups.ndjson).")
    String filePath;
    @Option(names = "--webhook-url", paramLabel = "URL", description = "Webhook of the webhook sink (default ANALYTICS_GUARDRAIL_WEBHOOK).")
    String webhookUrl;
    @Option(names = "--cursor-store", paramLabel = "S", description = "none, file or db (default none).")
    String cursorStore;
    @Option(names = "--cursor-store-path", paramLabel = "P", description = "Cursor file (default guardrail_followups_cursor.json).")
    String cursorStorePath;
    @Option(names = "--page-size", paramLabel = "N", description = "Rows per page, 1..1000 (default 1000).")
    String pageSize;
    @Option(names = "--settle-seconds", paramLabel = "N", description = "Leave rows newer than N seconds, 0..3600 (default 30).")
    String settleSeconds;
    @Option(names = "--webhook-retries", paramLabel = "N", description = "Retries of a webhook page after the first attempt, 0..10 (default 3).")
    String webhookRetries;

    ExportFollowUpsCommand(ServiceLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws Exception {
        // the settings are bound once; the flags overlay them
        ExportSettings settings = Cli.validatedSettings().exports();
        FollowUpExportRequest request = FollowUpExportOptions.resolve(new FollowUpExportOptions.Flags(limit, cursor, providerId, sink, filePath, webhookUrl,
                cursorStore, cursorStorePath, pageSize, settleSeconds, webhookRetries), settings, this::warn);
        if (request.cursorStore() == FollowUpExportRequest.CursorStoreKind.file && request.checkpoint() == null) {
            // without an S3 checkpoint, the cursor file can be checked before anything starts (exports.md 3.5)
            try {
                Optional<CursorState> stored = new CursorStore.FileStore(request.cursorStorePath()).read();
                if (stored.isPresent() && !Objects.equals(stored.get().providerId(), request.providerId())) {
                    throw new SettingsException("the cursor file belongs to another provider scope than --provider-id");
                }
            } catch (ExportFailure e) {
                throw new SettingsException(e.getMessage());
            }
        }
        JsonNode outcome = Json.MAPPER.readTree(launcher.runOnce("direct:followup-export-command", request, Map.of()));
        if ("succeeded".equals(outcome.path("status").asText())) {
            warn("exported " + outcome.path("rows").asLong() + " row(s); cursor " + outcome.path("cursor").asText("none"));
            return ExitCodes.SUCCESS;
        }
        warn("failed (" + outcome.path("errorCategory").asText() + "): " + outcome.path("detail").asText()
                + "; rows delivered " + outcome.path("rows").asLong());
        return ExportFailure.CONFIG.equals(outcome.path("errorCategory").asText()) ? ExitCodes.USAGE : ExitCodes.RUNTIME_FAILURE;
    }

    private void warn(String message) {
        spec.commandLine().getErr().println(spec.name() + ": " + Cli.oneLine(message));
        spec.commandLine().getErr().flush();
    }
}
