package com.smplat.providerautomation.cli;

import com.smplat.providerautomation.config.EnvSource;
import com.smplat.providerautomation.config.Settings;
import com.smplat.providerautomation.config.SettingsException;
import java.io.PrintWriter;
import org.apache.camel.CamelExecutionException;
import picocli.CommandLine;

/**
 * The command dispatcher: parses the command and its flags, validates every setting, and only then starts
 * Spring. Usage and settings errors exit 2 with one line on stderr, before any side effect.
 */
public final class Cli {
    private Cli() {
    }

    public static int run(String[] args, Class<?> application) {
        ServiceLauncher launcher = new ServiceLauncher(application);
        CommandLine commandLine = new CommandLine(new RootCommand(launcher))
                .addSubcommand("serve", new ServeCommand(launcher))
                .addSubcommand("seed-demo", new SeedDemoCommand(launcher))
                .addSubcommand("provider-alerts", new ProviderAlertsCommand(launcher))
                .addSubcommand("export-guardrail-followups", new ExportFollowUpsCommand(launcher))
                .addSubcommand("export-provider-automation-runs", new ExportRunsCommand(launcher))
                .addSubcommand("provider-replay", new CommandLine(new ProviderReplayCommand())
                        .addSubcommand("scheduled", new ProviderReplayCommand.Scheduled(launcher))
                        .addSubcommand("replay", new ProviderReplayCommand.Replay(launcher)));
        commandLine.setParameterExceptionHandler((e, ignored) -> usageError(e.getCommandLine(), e.getMessage()));
        commandLine.setExecutionExceptionHandler((e, cmd, ignored) -> failure(cmd, e));
        return commandLine.execute(args);
    }

    /** Validates the settings before anything starts; a bad one ends the command with exit 2. */
    static Settings validatedSettings() {
        return Settings.from(EnvSource.fromProcess());
    }

    private static int usageError(CommandLine cmd, String message) {
        PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandName() + ": " + oneLine(message) + " (see --help)");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int failure(CommandLine cmd, Exception e) {
        Throwable cause = e instanceof CamelExecutionException && e.getCause() != null ? e.getCause() : e;
        PrintWriter err = cmd.getErr();
        if (cause instanceof SettingsException) {
            err.println(cmd.getCommandName() + ": " + oneLine(cause.getMessage()));
            err.flush();
            return ExitCodes.USAGE;
        }
        err.println(cmd.getCommandName() + " failed: " + oneLine(describe(cause)));
        err.flush();
        return ExitCodes.RUNTIME_FAILURE;
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == error ? message : error.getClass().getSimpleName() + ": " + message;
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
