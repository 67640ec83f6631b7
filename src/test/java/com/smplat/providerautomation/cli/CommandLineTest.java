package com.smplat.providerautomation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.config.DatabaseEndpoint;
import com.smplat.providerautomation.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The commands as separate processes: exit codes, stdout for data only, and validation before any side effect
 * (an exit-2 run creates nothing, not even ./data).
 */
@ServiceTest
class CommandLineTest {
    @TempDir
    Path workDir;

    @Autowired
    DatabaseEndpoint database;

    private void assertNothingCreated() throws Exception {
        try (var entries = Files.list(workDir)) {
            assertThat(entries).as("files created by an exit-2 run").isEmpty();
        }
    }

    @Test
    void helpListsTheCommandsAndExitsZero() throws Exception {
        CommandProcess.Result help = CommandProcess.run(workDir, Map.of(), "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("serve").contains("seed-demo").contains("Exit codes");
        CommandProcess.Result seedHelp = CommandProcess.run(workDir, Map.of(), "seed-demo", "--help");
        assertThat(seedHelp.exitCode()).isZero();
        assertThat(seedHelp.stdout()).contains("idempotent");
        assertNothingCreated();
    }

    @Test
    void unknownCommandsAndFlagsExitTwoWithOneLine() throws Exception {
        for (String[] args : new String[][] {{"launch-rockets"}, {"seed-demo", "--bogus"}, {"serve", "extra"},
            {"provider-replay"}, {"provider-alerts", "--limit", "3"}, {"provider-replay", "scheduled", "--limit", "0"}, {"provider-replay", "scheduled", "--limit", "10001"},
            {"provider-replay", "scheduled", "--limit", "ten"},
            {"provider-replay", "replay", "--provider-id", "p"},
            {"provider-replay", "replay", "--provider-id", "p", "--provider-order-id", "not-a-uuid"},
            {"provider-replay", "replay", "--provider-id", "p", "--provider-order-id", "5a1d0c9e-7c55-4d0e-9a63-2b9d0f7e8a11", "--amount", "-1"},
            {"provider-replay", "replay", "--provider-id", "p", "--provider-order-id", "5a1d0c9e-7c55-4d0e-9a63-2b9d0f7e8a11", "--amount", "x"},
            {"provider-replay", "replay", "--provider-id", "p", "--provider-order-id", "5a1d0c9e-7c55-4d0e-9a63-2b9d0f7e8a11", "--amount", "1e1000000"},
            {"provider-replay", "scheduled", "--limit"}, {"provider-replay", "bogus"}, {"provider-alerts", "extra"},
            {"seed-demo", "--limit", "5"}, {"--no-such-flag"},
            {"provider-replay", "replay", "--provider-order-id", "5a1d0c9e-7c55-4d0e-9a63-2b9d0f7e8a11"},
            {"provider-replay", "scheduled", "--limit", "5; DROP TABLE orders"},
            {"provider-replay", "replay", "--provider-id", "p", "--provider-order-id", "' OR 1=1 --"}}) {
            CommandProcess.Result result = CommandProcess.run(workDir, Map.of(), args);
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.stderr().strip().lines()).as(result.stderr()).hasSize(1);
            assertThat(result.stdout()).isEmpty();
        }
        assertNothingCreated();
    }

    @Test
    void badSettingsExitTwoNamingTheVariableButNotItsValue() throws Exception {
        Map<String, String> cases = Map.of(
                "PORT", "not-a-port",
                "ENVIRONMENT", "prod-ish",
                "DATABASE_URL", "mysql://root:s3cr3t@db/app",
                "DATABASE_POOL_SIZE", "lots",
                "PROVIDER_REPLAY_WORKER_CONCURRENCY", "0",
                "PROVIDER_AUTOMATION_ALERT_COOLDOWN_SECONDS", "soon");
        for (var setting : cases.entrySet()) {
            for (String command : new String[] {"seed-demo", "serve"}) {
                CommandProcess.Result result = CommandProcess.run(workDir, Map.of(setting.getKey(), setting.getValue()), command);
                assertThat(result.exitCode()).as(setting.getKey() + " " + command).isEqualTo(2);
                assertThat(result.stderr()).contains(setting.getKey()).doesNotContain(setting.getValue());
                assertThat(result.stderr().strip().lines()).hasSize(1);
            }
        }
        assertNothingCreated();
    }

    private Map<String, String> sharedDatabase() {
        return CommandProcess.sharedDatabase(database);
    }

    @Test
    void oneShotCommandsPrintOnlyTheirJsonOnStdout() throws Exception {
        CommandProcess.Result batch = CommandProcess.run(workDir, sharedDatabase(), "provider-replay", "scheduled", "--limit", "5");
        assertThat(batch.exitCode()).as(batch.stderr()).isZero();
        JsonNode run = Json.MAPPER.readTree(batch.stdout());
        assertThat(run.get("summary").has("processed")).isTrue();
        assertThat(run.get("summary").get("concurrency").asInt()).isPositive();

        CommandProcess.Result missing = CommandProcess.run(workDir, sharedDatabase(), "provider-replay", "replay",
                "--provider-id", "nobody", "--provider-order-id", "5a1d0c9e-7c55-4d0e-9a63-2b9d0f7e8a11");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr().strip()).endsWith("replay failed: Provider order not found");
        assertThat(missing.stdout()).isEmpty();
    }

    @Test
    void providerAlertsRunsOneEvaluationAndExitsZero() throws Exception {
        CommandProcess.Result result = CommandProcess.run(workDir, sharedDatabase(), "provider-alerts");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode run = Json.MAPPER.readTree(result.stdout());
        assertThat(run.get("summary").get("status").asText()).isIn("success", "partial");
        assertThat(run.get("summary").has("notificationDelivery")).isTrue();
    }

    @Test
    void seedDemoPrintsOnlyItsJsonSummaryOnStdout() throws Exception {
        CommandProcess.Result result = CommandProcess.run(workDir, sharedDatabase(), "seed-demo");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode summary = Json.MAPPER.readTree(result.stdout());
        assertThat(summary.get("totals").get("orders").asInt()).isPositive();
        assertThat(result.stderr()).contains("Started");
        assertThat(Files.exists(workDir.resolve("data"))).as("no embedded database when DATABASE_URL is set").isFalse();
    }
}
