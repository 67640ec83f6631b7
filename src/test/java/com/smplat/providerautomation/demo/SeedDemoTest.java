package com.smplat.providerautomation.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.support.Json;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ServiceTest
class SeedDemoTest {
    @Autowired
    ProducerTemplate producer;

    @Autowired
    JdbcTemplate jdbc;

    private JsonNode seed() throws Exception {
        return Json.MAPPER.readTree(producer.requestBody("direct:seed-demo", null, String.class));
    }

    @Test
    void seedingTwiceAddsNothingTheSecondTime() throws Exception {
        JsonNode first = seed();
        JsonNode second = seed();
        assertThat(second.get("totals")).isEqualTo(first.get("totals"));
        second.get("added").forEach(added -> assertThat(added.asInt()).isZero());
        assertThat(first.get("totals").get("orders").asInt()).isGreaterThanOrEqualTo(500);
    }

    @Test
    void demoDataTellsTheStoriesTheOtherCapabilitiesNeed() throws Exception {
        seed();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM fulfillment_providers
                 WHERE metadata_json->'automation'->'endpoints'->'order' IS NOT NULL
                   AND metadata_json->'automation'->'endpoints'->'refill' IS NOT NULL
                   AND metadata_json->'automation'->'endpoints'->'balance' IS NOT NULL""", Integer.class))
                .isGreaterThanOrEqualTo(3);
        assertThat(jdbc.queryForObject("""
                SELECT count(DISTINCT oi.selected_options->>'presetId') FROM order_items oi""", Integer.class))
                .isGreaterThanOrEqualTo(3);
        assertThat(jdbc.queryForObject("""
                SELECT extract(day FROM max(created_at) - min(created_at)) FROM orders""", Integer.class))
                .isGreaterThanOrEqualTo(85);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM fulfillment_provider_orders po, jsonb_array_elements(po.payload->'scheduledReplays') e
                 WHERE e->>'status' = 'scheduled' AND (e->>'scheduledFor')::timestamptz <= now()""", Integer.class))
                .as("due scheduled replays").isPositive();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM fulfillment_provider_orders po, jsonb_array_elements(po.payload->'scheduledReplays') e
                 WHERE e->>'status' = 'scheduled' AND (e->>'scheduledFor')::timestamptz > now()""", Integer.class))
                .as("future scheduled replays").isPositive();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM fulfillment_provider_orders po, jsonb_array_elements(po.payload->'replays') e
                 WHERE e->>'status' = 'failed'""", Integer.class)).as("past failed replays").isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM provider_guardrail_followup", Integer.class)).isPositive();
    }

    @Test
    void demoProvidersPointAtTheSandbox() throws Exception {
        JsonNode summary = seed();
        String url = jdbc.queryForObject("""
                SELECT metadata_json->'automation'->'endpoints'->'order'->>'url' FROM fulfillment_providers WHERE id = 'demo-gamma'""",
                String.class);
        assertThat(url).isEqualTo("{{sandboxBaseUrl}}/sandbox/providers/demo-gamma/orders");
        assertThat(summary.get("sandboxBaseUrl").asText()).startsWith("http://localhost:");
    }
}
