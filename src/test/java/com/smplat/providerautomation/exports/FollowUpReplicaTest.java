package com.smplat.providerautomation.exports;

import static org.assertj.core.api.Assertions.assertThat;

import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.config.DatabaseEndpoint;
import com.smplat.providerautomation.config.EnvSource;
import com.smplat.providerautomation.config.ExportSettings;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * GUARDRAIL_EXPORT_DATABASE_URL: the page query runs on its own pool (here pointed at the test database). The query is
 * the route's own (sql/followup-export-page.sql through camel-sql), on the repository's pool bound for the test.
 */
@ServiceTest
class FollowUpReplicaTest {
    @Autowired
    DatabaseEndpoint database;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CamelContext camel;

    @Autowired
    FollowUpExport followUpExport;

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
            var page = pageThrough(viaReplica, Instant.parse("2024-04-04T00:00:00Z"), Instant.parse("2024-04-05T00:00:00Z"), providerId);
            assertThat(page).singleElement().satisfies(row -> assertThat(row.createdAt()).isEqualTo("2024-04-04T04:04:04.000004Z"));
        } finally {
            viaReplica.destroy();
        }
    }

    @SuppressWarnings("unchecked")
    private List<FollowUpRows.Row> pageThrough(FollowUpExportRepository source, Instant after, Instant upperBound, String providerId) {
        camel.getRegistry().bind("replicaUnderTest", DataSource.class, source.dataSource());
        FollowUpExportRequest request = new FollowUpExportRequest("test", 10, null, providerId,
                FollowUpExportRequest.Sink.stdout, null, null, null, FollowUpExportRequest.CursorStoreKind.none, null, 10, 0, 0, 0,
                null, null);
        FollowUpRun run = new FollowUpRun(request, CursorStore.none(), upperBound);
        run.afterTs = after;
        run.afterId = CursorState.NIL_UUID;
        run.upperBound = upperBound;
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(FollowUpExport.RUN, run);
        exchange.getMessage().setBody(followUpExport.pageParameters(run));
        exchange.getMessage().setHeader("CamelSqlQuery", camel.resolveLanguage("simple")
                .createExpression("resource:classpath:sql/followup-export-page.sql").evaluate(exchange, String.class));
        Exchange done = camel.createProducerTemplate().send(
                "sql:classpath:sql/followup-export-page.sql?dataSource=#replicaUnderTest&parametersCount=4&rowMapperFactory=#followUpRowMapper", exchange);
        assertThat(done.getException()).isNull();
        followUpExport.pageRead(run, done.getMessage().getBody(List.class));
        return run.page;
    }
}
