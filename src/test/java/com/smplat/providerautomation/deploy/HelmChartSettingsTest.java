package com.smplat.providerautomation.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The chart's settings: every one an operator sets is a value, every rendered name is read, secrets only by reference. */
class HelmChartSettingsTest {
    private static final EnvExample ENV_EXAMPLE = EnvExample.read(Path.of(".env.example"));
    private static final Set<String> READ_BY_THE_SERVICE =
            EnvExample.namesTheServiceReads(Path.of("src/main/java/com/smplat/providerautomation/config"));
    /** Read by the JVM itself (the chart's jvmOptions). */
    private static final String JVM_OPTIONS = "JAVA_TOOL_OPTIONS";

    @Test
    void theValuesNameEverySettingAnOperatorSetsAndTheSecretOnesOnlyAsReferences() {
        JsonNode values = HelmChart.values(null);
        Set<String> plain = names(values.path("settings"));
        Set<String> secret = names(values.path("secretEnv"));
        Set<String> expected = new TreeSet<>(ENV_EXAMPLE.operatorSet());
        expected.removeAll(EnvExample.CHART_OWNED);

        Set<String> offered = new TreeSet<>(plain);
        offered.addAll(secret);
        assertThat(offered).isEqualTo(expected);
        assertThat(secret).isEqualTo(ENV_EXAMPLE.secrets());
        assertThat(READ_BY_THE_SERVICE).containsAll(ENV_EXAMPLE.operatorSet());
    }

    @Test
    void everyVariableOfEveryRenderedPodIsASettingTheServiceReads() {
        Map<String, Object> everything = new HashMap<>();
        HelmChart.values(null).path("settings").fieldNames().forEachRemaining(name -> everything.put("settings." + name, "set"));
        HelmChart.values(null).path("secretEnv").fieldNames().forEachRemaining(name -> {
            everything.put("secretEnv." + name + ".secretName", "site-secrets");
            everything.put("secretEnv." + name + ".key", name);
        });
        HelmChart.values(null).path("cronJobs").fieldNames().forEachRemaining(job -> everything.put("cronJobs." + job + ".enabled", true));
        everything.put("jvmOptions", "-XX:+ExitOnOutOfMemoryError");

        List<Container> containers = containers(HelmChart.render(null, everything));
        assertThat(containers).hasSize(5);
        Set<String> rendered = containers.stream().flatMap(c -> c.getEnv().stream()).map(EnvVar::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> allowed = new TreeSet<>(READ_BY_THE_SERVICE);
        allowed.add(JVM_OPTIONS);
        assertThat(allowed).containsAll(rendered);
        assertThat(rendered).containsAll(names(HelmChart.values(null).path("settings")));
    }

    @Test
    void noSecretValueIsRenderedAndASecretGivenAsAValueIsRefused() {
        for (String valuesFile : HelmChart.DEFAULTS_AND_VALUES_FILES) {
            HelmChart.Manifests manifests = HelmChart.render(valuesFile);
            assertThat(manifests.ofKind("Secret")).isEmpty();
            for (Container container : containers(manifests)) {
                Map<String, EnvVar> env = container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, Function.identity()));
                for (String secret : ENV_EXAMPLE.secrets()) {
                    if (env.containsKey(secret)) {
                        assertThat(env.get(secret).getValue()).as(secret).isNull();
                        assertThat(env.get(secret).getValueFrom().getSecretKeyRef().getName()).isNotBlank();
                    }
                }
                assertThat(env.get("DATABASE_URL").getValueFrom().getSecretKeyRef()).as(valuesFile).isNotNull();
            }
            assertThat(manifests.text()).doesNotContainPattern("postgres(ql)?://[^\\s\"]*:[^\\s\"]*@")
                    .doesNotContain("hooks.slack.com");
        }
        assertThatThrownBy(() -> HelmChart.render(null, Map.of("settings.SMTP_PASSWORD", "hunter2")))
                .hasMessageContaining("settings.SMTP_PASSWORD is a secret").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> HelmChart.render(null, Map.of("settings.ROUTES_DIR", "elsewhere")))
                .hasMessageContaining("set it through the chart");
    }

    @Test
    void aReleaseWithoutTheSharedExternalDatabaseIsRefused() {
        assertThatThrownBy(() -> HelmChart.render(null, Map.of("secretEnv.DATABASE_URL.secretName", "")))
                .hasMessageContaining("the embedded one is for development only");
    }

    @Test
    void stagingAndProductionPinTheLoadAlertSettingsOfEnvExampleAndKeepTheAlertScheduleOn() {
        for (String valuesFile : HelmChart.VALUES_FILES) {
            Map<String, String> env = containers(HelmChart.render(valuesFile)).get(0).getEnv().stream()
                    .filter(e -> e.getValue() != null).collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
            List<String> loadAlert = ENV_EXAMPLE.variables().stream().map(EnvExample.Variable::name)
                    .filter(name -> name.startsWith("PROVIDER_LOAD_ALERT_")).toList();
            assertThat(loadAlert).hasSize(7);
            for (String name : loadAlert) {
                assertThat(env).as(valuesFile).containsEntry(name, ENV_EXAMPLE.example(name));
            }
            assertThat(env).containsEntry("PROVIDER_AUTOMATION_ALERT_WORKER_ENABLED", "true")
                    .containsEntry("ENVIRONMENT", valuesFile.replace("values-", "").replace(".yaml", ""));
        }
    }

    private static List<Container> containers(HelmChart.Manifests manifests) {
        List<Container> containers = new ArrayList<>(manifests.one("Deployment", Deployment.class).getSpec().getTemplate().getSpec().getContainers());
        for (CronJob job : manifests.ofKind("CronJob", CronJob.class)) {
            containers.addAll(job.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers());
        }
        return containers;
    }

    private static Set<String> names(JsonNode map) {
        Set<String> names = new TreeSet<>();
        map.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
