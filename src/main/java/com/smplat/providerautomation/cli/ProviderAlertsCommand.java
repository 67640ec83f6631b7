package com.smplat.providerautomation.cli;

import com.smplat.providerautomation.support.Json;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "provider-alerts", mixinStandardHelpOptions = true,
        description = {"Runs one alert evaluation (automation alerts, load alerts, playbook, notifications), whatever",
            "PROVIDER_AUTOMATION_ALERT_WORKER_ENABLED says; records it and prints its run status as JSON.",
            "Exits 0 for a success or partial run, 1 for a failed one or while another run is in progress."})
final class ProviderAlertsCommand implements Callable<Integer> {
    private final ServiceLauncher launcher;

    @Spec
    CommandSpec spec;

    ProviderAlertsCommand(ServiceLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws Exception {
        Cli.validatedSettings();
        String result = launcher.runOnce("direct:alert-run-command", null, Map.of());
        spec.commandLine().getOut().println(result);
        spec.commandLine().getOut().flush();
        return "failed".equals(Json.MAPPER.readTree(result).path("summary").path("status").asText())
                ? ExitCodes.RUNTIME_FAILURE : ExitCodes.SUCCESS;
    }
}
