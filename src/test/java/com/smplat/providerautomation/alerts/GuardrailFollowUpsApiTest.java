package com.smplat.providerautomation.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.ApiClient;
import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.support.Json;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@ServiceTest
class GuardrailFollowUpsApiTest {
    private static final String PATH = "/api/v1/reporting/guardrails/followups";
    private static final String NOT_STORABLE = "Request body must not contain NUL or other control characters (tab and line"
            + " breaks excepted) nor unpaired surrogates";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String providerId;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        providerId = ProviderOrderFixtures.uniqueId("prov-followup");
        new ProviderOrderFixtures(jdbc).provider(providerId, "Follow Up Co", "{}");
    }

    @Test
    void recordsTheFollowUpAndThePauseState() throws Exception {
        ApiClient.Reply paused = api.postJson(PATH, """
                {"providerId": "%s", "providerName": "Follow Up Co", "action": "pause", "notes": "Margins collapsed",
                 "platformContext": {"id": "instagram::@brand", "label": "Instagram @brand"},
                 "conversionCursor": "spring-offer", "attachments": [{"name": "evidence.png"}], "ignored": true}"""
                .formatted(providerId));
        assertThat(paused.status()).as(paused.body()).isEqualTo(201);
        JsonNode entry = paused.json().get("entry");
        assertThat(entry.get("action").asText()).isEqualTo("pause");
        assertThat(Json.write(entry.get("platformContext")))
                .isEqualTo("{\"id\":\"instagram::@brand\",\"label\":\"Instagram @brand\",\"handle\":null,\"platformType\":null}");
        assertThat(paused.json().get("status").get("isPaused").asBoolean()).isTrue();
        assertThat(paused.json().get("status").get("lastSource").asText()).isEqualTo("manual");
        assertThat(paused.json().get("status").get("lastFollowUpId").asText()).isEqualTo(entry.get("id").asText());
        assertThat(paused.json().get("providerTelemetry").isNull()).isTrue();

        Map<String, Object> row = jdbc.queryForMap("SELECT platform_context::text AS ctx, conversion_cursor, attachments::text AS att"
                + " FROM provider_guardrail_followup WHERE id = CAST(? AS uuid)", entry.get("id").asText());
        assertThat(Json.MAPPER.readTree((String) row.get("ctx")).size()).isEqualTo(4);
        assertThat(row.get("conversion_cursor")).isEqualTo("spring-offer");
        assertThat((String) row.get("att")).contains("evidence.png");

        ApiClient.Reply escalated = api.postJson(PATH, "{\"providerId\": \"%s\", \"providerName\": \"\", \"action\": \"escalate\"}"
                .formatted(providerId));
        assertThat(escalated.json().get("status").get("isPaused").asBoolean()).as("escalate keeps the pause").isTrue();
        assertThat(escalated.json().get("status").get("providerName").asText()).as("empty name keeps the old one").isEqualTo("Follow Up Co");

        ApiClient.Reply resumed = api.postJson(PATH, "{\"providerId\": \"%s\", \"action\": \"resume\"}".formatted(providerId));
        assertThat(resumed.json().get("status").get("isPaused").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM provider_guardrail_followup WHERE provider_id = ?", Integer.class, providerId))
                .isEqualTo(3);
    }

    @Test
    void invalidBodiesAre422AndWriteNothing() {
        String[][] cases = {
            {"{\"action\": \"pause\"}", "providerId is required"},
            {"{\"providerId\": \"%s\"}", "action is required"},
            {"{\"providerId\": \"%s\", \"action\": \"" + "x".repeat(65) + "\"}", "action must be at most 64 characters"},
            {"{\"providerId\": \"%s\", \"action\": \"pause\", \"notes\": \"" + "n".repeat(501) + "\"}", "notes must be at most 500 characters"},
            {"{\"providerId\": \"%s\", \"action\": \"pause\", \"platformContext\": {\"id\": \"x\"}}", "platformContext.label is required"},
            {"{\"providerId\": \"%s\", \"action\": \"pause\", \"platformContext\": \"x\"}", "platformContext must be an object"},
            {"{\"providerId\": 5, \"action\": \"pause\"}", "providerId must be a string"},
            {"[1]", "Request body must be a JSON object"},
            {"\"x\"", "Request body must be a JSON object"},
            {"null", "Request body must be a JSON object"},
            {"{nope", "Malformed JSON body"},
            {"{\"providerId\": \"%s\", \"action\": \"pa\\u0000use\"}", NOT_STORABLE},
            {"{\"providerId\": \"%s\", \"action\": \"pause\", \"notes\": \"a\\u0000\"}", NOT_STORABLE},
            {"{\"providerId\": \"%s\\u0000\", \"action\": \"pause\"}", NOT_STORABLE},
            {"{\"providerId\": \"%s\", \"action\": \"pause\", \"notes\": \"\\ud83d\"}", NOT_STORABLE}};
        for (String[] c : cases) {
            ApiClient.Reply reply = api.postJson(PATH, c[0].formatted(providerId));
            assertThat(reply.status()).as(c[0]).isEqualTo(422);
            assertThat(reply.json().get("detail").asText()).isEqualTo(c[1]);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM provider_guardrail_followup WHERE provider_id = ?", Integer.class, providerId))
                .isZero();
    }

    @Test
    void aFollowUpForAnUnknownProviderIs404AndWritesNothing() {
        String unknown = ProviderOrderFixtures.uniqueId("prov-unknown");

        ApiClient.Reply reply = api.postJson(PATH, "{\"providerId\": \"%s\", \"action\": \"pause\"}".formatted(unknown));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("detail").asText()).isEqualTo("Provider not found");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM provider_guardrail_followup WHERE provider_id = ?", Integer.class, unknown))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM provider_guardrail_status WHERE provider_id = ?", Integer.class, unknown))
                .isZero();
    }

    @Test
    void theOperatorKeyIsRequired() {
        ApiClient.Reply reply = api.send(api.request(PATH).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"providerId\": \"%s\", \"action\": \"pause\"}".formatted(providerId))));
        assertThat(reply.status()).isEqualTo(401);
    }
}
