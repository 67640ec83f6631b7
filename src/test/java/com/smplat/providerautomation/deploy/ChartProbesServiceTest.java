package com.smplat.providerautomation.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.ApiClient;
import com.smplat.providerautomation.ApiClient.Reply;
import com.smplat.providerautomation.ServiceTest;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The paths the chart sends the kubelet and Prometheus to, asked of the running service without any key. */
@ServiceTest
class ChartProbesServiceTest {
    @LocalServerPort
    int port;

    @Test
    void everyProbeAndTheScrapePathOfTheChartAreServedWithoutAKey() {
        HelmChart.Manifests manifests = HelmChart.render(null, Map.of("serviceMonitor.enabled", true));
        Container container = manifests.one("Deployment", Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
        ApiClient api = new ApiClient(port);
        for (String path : new String[] {container.getStartupProbe().getHttpGet().getPath(),
                container.getReadinessProbe().getHttpGet().getPath(), container.getLivenessProbe().getHttpGet().getPath()}) {
            Reply reply = api.send(api.request(path).GET());
            assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
            assertThat(reply.json().get("status").asText()).as(path).isEqualTo("UP");
        }
        JsonNode monitor = manifests.ofKind("ServiceMonitor").get(0);
        String scrapePath = monitor.at("/spec/endpoints/0/path").asText();
        Reply metrics = api.send(api.request(scrapePath).GET());
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE ");
    }
}
