package com.smplat.providerautomation.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.smplat.providerautomation.LogCapture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class ExportProgressTest {
    @RegisterExtension
    final LogCapture logs = new LogCapture(ExportProgress.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    // no database: the gauges read NaN, the counters work
    private final ExportMetrics metrics = new ExportMetrics(registry, new NamedParameterJdbcTemplate(new SimpleDriverDataSource()));

    @Test
    void aLongRunLogsRowsPagesAndRateAtTheIntervalAndCountsEveryPageAtOnce() {
        ExportProgress progress = new ExportProgress(metrics, 1);
        Instant started = Instant.now();

        progress.pageDelivered("follow-ups", started, 1000, 50_000);

        assertThat(registry.get(ExportMetrics.ROWS).tag("pipeline", "follow-ups").counter().count()).isEqualTo(1000);
        assertThat(registry.get(ExportMetrics.PAGES).tag("pipeline", "follow-ups").counter().count()).isEqualTo(1);
        assertThat(registry.get(ExportMetrics.BYTES).tag("pipeline", "follow-ups").counter().count()).isEqualTo(50_000);
        assertThat(logs.messages()).as("not before the interval").isEmpty();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
            progress.pageDelivered("follow-ups", started, 1000, 50_000);
            return !logs.messages().isEmpty();
        });
        String line = logs.messages().get(0);
        assertThat(line).startsWith("Export follow-ups in progress: ").contains(" row(s) in ").contains(" rows/s over ");
        long pages = (long) registry.get(ExportMetrics.PAGES).tag("pipeline", "follow-ups").counter().count();
        assertThat(line).contains((pages * 1000) + " row(s) in " + pages + " page(s)");

        progress.runEnded("follow-ups", started, "succeeded");
        assertThat(registry.get(ExportMetrics.RUNS).tag("pipeline", "follow-ups").tag("status", "succeeded").counter().count())
                .isEqualTo(1);
    }

    @Test
    void aZeroIntervalLogsNothing() {
        ExportProgress progress = new ExportProgress(metrics, 0);
        for (int page = 0; page < 100; page++) {
            progress.pageDelivered("run-history", Instant.now().minusSeconds(60), 10, 100);
        }
        assertThat(logs.messages()).isEmpty();
        assertThat(registry.get(ExportMetrics.PAGES).tag("pipeline", "run-history").counter().count()).isEqualTo(100);
    }
}
