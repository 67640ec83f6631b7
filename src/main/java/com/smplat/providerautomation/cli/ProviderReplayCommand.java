package com.smplat.providerautomation.cli;

import com.smplat.providerautomation.replay.Amounts;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "provider-replay", mixinStandardHelpOptions = true,
        description = "Scheduled-replay batch and single provider-order replays, run once.")
final class ProviderReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "choose 'scheduled' or 'replay'");
    }

    static int print(CommandSpec spec, String result) {
        spec.commandLine().getOut().println(result);
        spec.commandLine().getOut().flush();
        return ExitCodes.SUCCESS;
    }

    @Command(name = "scheduled", mixinStandardHelpOptions = true,
            description = {"Runs one scheduled-replay batch, whatever PROVIDER_REPLAY_WORKER_ENABLED says, records it in the",
                "run history and prints its run status as JSON. Exits 1 while another batch runs."})
    static final class Scheduled implements Callable<Integer> {
        private final ServiceLauncher launcher;

        @Spec
        CommandSpec spec;

        Scheduled(ServiceLauncher launcher) {
            this.launcher = launcher;
        }

        @Option(names = "--limit", paramLabel = "N", description = "entries to attempt, 1..10000 (default PROVIDER_REPLAY_WORKER_LIMIT)")
        Integer limit;

        @Override
        public Integer call() {
            if (limit != null && (limit < 1 || limit > 10_000)) {
                throw new ParameterException(spec.commandLine(), "--limit must be between 1 and 10000");
            }
            Cli.validatedSettings();
            Map<String, Object> headers = new HashMap<>();
            headers.put("replayTrigger", "command");
            headers.put("limit", limit);
            return print(spec, launcher.runOnce("direct:replay-batch-command", null, headers));
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Replays one provider order now (actor automation, trigger cli_replay) and prints the replay",
                "entry as JSON. A provider failure persists nothing and exits 1."})
    static final class Replay implements Callable<Integer> {
        private final ServiceLauncher launcher;

        @Spec
        CommandSpec spec;

        Replay(ServiceLauncher launcher) {
            this.launcher = launcher;
        }

        @Option(names = "--provider-id", required = true, paramLabel = "ID")
        String providerId;

        @Option(names = "--provider-order-id", required = true, paramLabel = "UUID")
        String providerOrderId;

        @Option(names = "--amount", paramLabel = "X", description = "amount override, >= 0 (0 is a real override)")
        String amount;

        @Override
        public Integer call() {
            if (providerId.isBlank()) {
                throw new ParameterException(spec.commandLine(), "--provider-id must not be blank");
            }
            try {
                if (providerOrderId.length() != 36) {
                    throw new IllegalArgumentException();
                }
                UUID.fromString(providerOrderId);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--provider-order-id must be a UUID");
            }
            BigDecimal parsedAmount = null;
            if (amount != null) {
                try {
                    parsedAmount = new BigDecimal(amount.strip());
                } catch (NumberFormatException e) {
                    throw new ParameterException(spec.commandLine(), "--amount must be a number");
                }
                if (parsedAmount.signum() < 0) {
                    throw new ParameterException(spec.commandLine(), "--amount must be greater than or equal to 0");
                }
                if (!Amounts.withinBounds(parsedAmount)) {
                    throw new ParameterException(spec.commandLine(), "--amount must be at most "
                            + Amounts.MAX.toPlainString() + " with at most " + Amounts.MAX_FRACTION_DIGITS + " decimal places");
                }
            }
            Cli.validatedSettings();
            Map<String, Object> headers = new HashMap<>();
            headers.put("providerId", providerId.strip());
            headers.put("providerOrderId", UUID.fromString(providerOrderId).toString());
            headers.put("amount", parsedAmount);
            return print(spec, launcher.runOnce("direct:replay-provider-order-command", null, headers));
        }
    }
}
