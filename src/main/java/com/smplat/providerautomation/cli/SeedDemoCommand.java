package com.smplat.providerautomation.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "seed-demo", mixinStandardHelpOptions = true,
        description = {
            "Loads the demo data set; idempotent, a second run adds nothing.",
            "The set: providers that call the development sandbox provider, 90 days of orders with preset cohorts,",
            "provider orders with past replays and due and future scheduled replays, guardrail follow-ups.",
            "Prints a JSON summary of the rows on stdout."})
final class SeedDemoCommand implements Callable<Integer> {
    private final ServiceLauncher launcher;

    @Spec
    CommandSpec spec;

    SeedDemoCommand(ServiceLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        Cli.validatedSettings();
        String summary = launcher.runOnce("direct:seed-demo", null, Map.of());
        spec.commandLine().getOut().println(summary);
        spec.commandLine().getOut().flush();
        return ExitCodes.SUCCESS;
    }
}
