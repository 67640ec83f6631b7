package com.smplat.providerautomation.cli;

import com.smplat.providerautomation.config.ExportSettings;
import com.smplat.providerautomation.exports.RunHistoryExportOptions;
import com.smplat.providerautomation.exports.RunHistoryExportRequest;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export-provider-automation-runs", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Exports the newest replay and alert runs (exports.md 2) from the run-history endpoint, flattened for",
            "BI, as JSON or CSV: to --output, else a timestamped file in SMPLAT_AUTOMATION_EXPORT_DIR, else stdout.",
            "Environment: SMPLAT_API_BASE_URL (--base-url fallback, required), SMPLAT_AUTOMATION_AUTH_TOKEN (--auth-token",
            "fallback), SMPLAT_AUTOMATION_EXPORT_DIR."},
        footer = {"", "Exit codes: 0 success (zero runs included), 1 runtime failure, 2 usage or configuration error."})
final class ExportRunsCommand implements Callable<Integer> {
    private final ServiceLauncher launcher;

    @Option(names = "--base-url", paramLabel = "URL", description = "Base URL of the service whose history is read (default SMPLAT_API_BASE_URL).")
    String baseUrl;
    @Option(names = "--auth-token", paramLabel = "TOKEN", description = "Bearer token for the history endpoint (default SMPLAT_AUTOMATION_AUTH_TOKEN; none: no header).")
    String authToken;
    @Option(names = "--limit", paramLabel = "N", description = "Runs per category, 1..100 (default 50).")
    String limit;
    @Option(names = "--format", paramLabel = "F", description = "json or csv (default json).")
    String format;
    @Option(names = "--output", paramLabel = "PATH", description = "File to write (parent directories are created).")
    String output;
    @Option(names = "--timeout", paramLabel = "S", description = "Seconds per HTTP attempt, > 0 (default 15).")
    String timeout;

    ExportRunsCommand(ServiceLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        ExportSettings settings = Cli.validatedSettings().exports();
        RunHistoryExportRequest request = RunHistoryExportOptions.resolve(new RunHistoryExportOptions.Flags(baseUrl, authToken, limit, format, output, timeout),
                settings);
        launcher.runOnce("direct:run-history-export-command", request, Map.of());
        return ExitCodes.SUCCESS;
    }
}
