package com.smplat.providerautomation.exports;

import static org.assertj.core.api.Assertions.assertThat;

import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.config.DatabaseEndpoint;
import com.smplat.providerautomation.config.EnvSource;
import com.smplat.providerautomation.config.ExportSettings;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** GUARDRAIL_EXPORT_DATABASE_URL: the page query runs on its own pool (here pointed at the test database). */
@ServiceTest
class FollowUpReplicaTest {
    @Autowired
    DatabaseEndpoint database;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void pagesAreReadThroughTheReplicaPool() throws Exception {
        String providerId = ProviderOrderFixtures.uniqueId("replica");
        jdbc.update("INSERT INTO provider_guardrail_followup (provider_id, action, created_at) VALUES (?, 'pause', ?)",
                providerId, Timestamp.from(Instant.parse("2024-04-04T04:04:04.000004Z")));
        // the test database in the jdbc: form, credentials as URL parameters (the replica pool has no overrides)
        String url = database.target().jdbcUrl() + (database.target().jdbcUrl().contains("?") ? "&" : "?")
                + "user=" + database.target().user()
                + (database.target().password() == null ? "" : "&password=" + database.target().password());
        ExportSettings settings = ExportSettings.from(EnvSource.of(Map.of("GUARDRAIL_EXPORT_DATABASE_URL", url)));
        // the primary pool points nowhere: a row found was read through the replica pool
        FollowUpExportRepository viaReplica = new FollowUpExportRepository(new NamedParameterJdbcTemplate(
                new org.springframework.jdbc.datasource.DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none")), settings);
        try {
            var page = viaReplica.page(Instant.parse("2024-04-04T00:00:00Z"), CursorState.NIL_UUID,
                    Instant.parse("2024-04-05T00:00:00Z"), providerId, 10);
            assertThat(page).singleElement().satisfies(row -> assertThat(row.createdAt()).isEqualTo("2024-04-04T04:04:04.000004Z"));
        } finally {
            viaReplica.destroy();
        }
    }
}
