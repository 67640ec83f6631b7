package com.smplat.providerautomation.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Helm chart linted and rendered by the real Helm, for its defaults and every values file. */
class HelmChartTest {
    private static final List<String> EVERY_VALUES_FILE = HelmChart.DEFAULTS_AND_VALUES_FILES;
    private static final Map<String, Object> EVERY_CRON_JOB = Map.of(
            "cronJobs.providerReplayScheduled.enabled", true, "cronJobs.providerAlerts.enabled", true,
            "cronJobs.exportProviderAutomationRuns.enabled", true, "cronJobs.exportGuardrailFollowups.enabled", true);

    @Test
    void theChartPassesHelmLintInStrictMode() {
        LintResult lint = HelmChart.lint();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void everyValuesFileRendersManifestsThatTheKubernetesModelFullyUnderstands() {
        for (String valuesFile : EVERY_VALUES_FILE) {
            HelmChart.Manifests manifests = HelmChart.render(valuesFile, everyCronJobUnlessBuiltIn(valuesFile));
            List<Object> typed = new ArrayList<>();
            typed.add(manifests.one("Deployment", Deployment.class));
            typed.add(manifests.one("Service", Service.class));
            typed.add(manifests.one("ConfigMap", ConfigMap.class));
            typed.add(manifests.one("PodDisruptionBudget", PodDisruptionBudget.class));
            typed.addAll(manifests.ofKind("CronJob", CronJob.class));
            for (Object resource : typed) {
                assertThat(SchemaCheck.unknownFields(resource)).as("%s in %s", resource.getClass().getSimpleName(), valuesFile)
                        .isEmpty();
            }
            assertThat(manifests.documents()).allSatisfy(document -> assertThat(document.path("kind").asText())
                    .isIn("Deployment", "Service", "ConfigMap", "PodDisruptionBudget", "CronJob", "ServiceMonitor", "PrometheusRule"));
        }
    }

    @Test
    void theDeploymentNeverDropsBelowTheWantedCountAndProbesTheActuatorGroups() {
        for (String valuesFile : EVERY_VALUES_FILE) {
            HelmChart.Manifests manifests = HelmChart.render(valuesFile);
            Deployment deployment = manifests.one("Deployment", Deployment.class);
            assertThat(deployment.getSpec().getReplicas()).as(valuesFile).isGreaterThanOrEqualTo(2);
            assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
            Container service = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(service.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            assertThat(service.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(service.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(service.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(service.getResources().getLimits()).containsKeys("cpu", "memory");

            PodDisruptionBudget budget = manifests.one("PodDisruptionBudget", PodDisruptionBudget.class);
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
            assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isLessThan(deployment.getSpec().getReplicas());
        }
        assertThatThrownBy(() -> HelmChart.render(null, Map.of("replicaCount", 1))).hasMessageContaining("replicaCount must be 2 or more");
    }

    @Test
    void theTerminationGraceCoversTheServicesOwnGracefulShutdown() {
        JsonNode application = HelmChart.read(Path.of("config/application.yml"));
        assertThat(application.at("/server/shutdown").asText()).isEqualTo("graceful");
        long requests = Duration.parse("PT" + application.at("/spring/lifecycle/timeout-per-shutdown-phase").asText("30s")
                .toUpperCase()).toSeconds();
        long routes = application.at("/camel/main/shutdown-timeout").asLong(45);
        for (String valuesFile : EVERY_VALUES_FILE) {
            PodSpec pod = HelmChart.render(valuesFile).one("Deployment", Deployment.class).getSpec().getTemplate().getSpec();
            long preStop = Long.parseLong(pod.getContainers().get(0).getLifecycle().getPreStop().getExec().getCommand().get(1));
            assertThat(pod.getTerminationGracePeriodSeconds()).as("preStop %s s + requests %s s + routes %s s", preStop, requests, routes)
                    .isGreaterThanOrEqualTo(preStop + requests + routes);
        }
    }

    @Test
    void theRoutesConfigMapHoldsExactlyTheFilesOfRoutesAndIsMountedOverRoutesDir() throws IOException {
        Map<String, String> routes = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                routes.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        for (String valuesFile : EVERY_VALUES_FILE) {
            HelmChart.Manifests manifests = HelmChart.render(valuesFile, everyCronJobUnlessBuiltIn(valuesFile));
            assertThat(new TreeMap<>(manifests.one("ConfigMap", ConfigMap.class).getData())).isEqualTo(routes);
            List<PodSpec> pods = new ArrayList<>();
            pods.add(manifests.one("Deployment", Deployment.class).getSpec().getTemplate().getSpec());
            manifests.ofKind("CronJob", CronJob.class).forEach(job -> pods.add(job.getSpec().getJobTemplate().getSpec().getTemplate().getSpec()));
            for (PodSpec pod : pods) {
                Container container = pod.getContainers().get(0);
                String routesDir = container.getEnv().stream().filter(e -> e.getName().equals("ROUTES_DIR")).findFirst().orElseThrow().getValue();
                assertThat(container.getVolumeMounts()).anySatisfy(mount -> {
                    assertThat(mount.getMountPath()).isEqualTo(routesDir);
                    assertThat(pod.getVolumes()).anySatisfy(volume -> {
                        assertThat(volume.getName()).isEqualTo(mount.getName());
                        assertThat(volume.getConfigMap().getName()).isEqualTo("provider-automation-routes");
                    });
                });
            }
        }
    }

    @Test
    void aRouteChangeInTheValuesReplacesTheFileAndRollsThePods() {
        String before = routesChecksum(HelmChart.render(null));
        HelmChart.Manifests changed = HelmChart.render(null, Map.of("routes.files.errors\\.yaml", "- route: {id: changed}\n",
                "routes.exclude[0]", "demo-routes.yaml"));
        Map<String, String> data = changed.one("ConfigMap", ConfigMap.class).getData();
        assertThat(data).containsEntry("errors.yaml", "- route: {id: changed}\n").doesNotContainKey("demo-routes.yaml");
        assertThat(routesChecksum(changed)).isNotEqualTo(before);

        HelmChart.Manifests existing = HelmChart.render(null, Map.of("routes.existingConfigMap", "site-routes"));
        assertThat(existing.ofKind("ConfigMap")).isEmpty();
        assertThat(existing.one("Deployment", Deployment.class).getSpec().getTemplate().getSpec().getVolumes())
                .anySatisfy(volume -> assertThat(volume.getConfigMap().getName()).isEqualTo("site-routes"));
    }

    @Test
    void cronJobsAreOffByDefaultAndNeverRunTwoAtOnce() {
        for (String valuesFile : EVERY_VALUES_FILE) {
            assertThat(HelmChart.render(valuesFile).ofKind("CronJob")).as(valuesFile).isEmpty();
        }
        List<CronJob> jobs = HelmChart.render(null, EVERY_CRON_JOB).ofKind("CronJob", CronJob.class);
        assertThat(jobs).extracting(job -> String.join(" ", job.getSpec().getJobTemplate().getSpec().getTemplate().getSpec()
                .getContainers().get(0).getArgs())).containsExactlyInAnyOrder("provider-replay scheduled --limit 50",
                "provider-alerts", "export-provider-automation-runs", "export-guardrail-followups --sink webhook --cursor-store db --limit 1000");
        assertThat(jobs).allSatisfy(job -> {
            assertThat(job.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
            assertThat(job.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
            assertThat(job.getMetadata().getName().length()).isLessThanOrEqualTo(52);
        });
    }

    @Test
    void aCronJobBesideTheBuiltInScheduleItReplacesIsRefused() {
        assertThatThrownBy(() -> HelmChart.render(null, Map.of("cronJobs.providerReplayScheduled.enabled", true,
                "settings.PROVIDER_REPLAY_WORKER_ENABLED", "TRUE"))).hasMessageContaining("both on");
        // staging and production run the built-in alert schedule
        assertThatThrownBy(() -> HelmChart.render("values-production.yaml", Map.of("cronJobs.providerAlerts.enabled", true)))
                .hasMessageContaining("settings.PROVIDER_AUTOMATION_ALERT_WORKER_ENABLED");
    }

    /** The CronJobs a values file may add: all but those whose built-in schedule it turns on. */
    private static Map<String, Object> everyCronJobUnlessBuiltIn(String valuesFile) {
        Map<String, Object> sets = new HashMap<>(EVERY_CRON_JOB);
        JsonNode values = HelmChart.values(valuesFile);
        values.path("cronJobs").fields().forEachRemaining(job -> {
            String flag = values.path("settings").path(job.getValue().path("builtInSchedule").asText()).asText();
            if (Arrays.asList("true", "1", "yes", "on").contains(flag.toLowerCase())) {
                sets.remove("cronJobs." + job.getKey() + ".enabled");
            }
        });
        return sets;
    }

    private static String routesChecksum(HelmChart.Manifests manifests) {
        return manifests.one("Deployment", Deployment.class).getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/routes");
    }
}
