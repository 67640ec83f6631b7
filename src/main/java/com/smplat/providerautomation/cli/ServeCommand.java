package com.smplat.providerautomation.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the service: REST API, scheduled routes, health and metrics. Stops on SIGTERM.")
final class ServeCommand implements Callable<Integer> {
    private final ServiceLauncher launcher;

    ServeCommand(ServiceLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        Cli.validatedSettings();
        launcher.serve();
        return ExitCodes.KEEP_RUNNING;
    }
}
