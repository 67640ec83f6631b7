package com.smplat.providerautomation.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "provider-automation", mixinStandardHelpOptions = true, version = "provider-automation 0.1.0",
        description = {
            "Fulfillment-provider automation: replays, alerts, run history and exports.",
            "Without a command it runs the service (same as 'serve').",
            "Settings come from environment variables (and ./.env); see .env.example."},
        footer = {"", "Exit codes: 0 success, 1 runtime failure, 2 usage or configuration error."})
final class RootCommand implements Callable<Integer> {
    private final ServiceLauncher launcher;

    RootCommand(ServiceLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        return new ServeCommand(launcher).call();
    }
}
