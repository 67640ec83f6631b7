package com.smplat.providerautomation.replay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.smplat.providerautomation.ApiClient;
import com.smplat.providerautomation.ApiClient.Reply;
import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ProviderStub;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.Timestamps;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code POST /{providerId}/balance/refresh} (replay-and-history.md 7.9) against a WireMock provider. */
@ServiceTest
class BalanceRefreshApiTest {
    private static final String BASE = "/api/v1/fulfillment/providers/";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    ProviderOrderFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixtures = new ProviderOrderFixtures(jdbc);
    }

    /** A provider whose balance endpoint (with {@code responseHints}, or none) sits on its own stub path. */
    private String balanceProvider(String responseHints) {
        String providerId = ProviderOrderFixtures.uniqueId("balance");
        fixtures.provider(providerId, "Balance " + providerId, """
                {"automation": {"apiKey": "k-%1$s", "account": 42, "endpoints": {"balance": {"method": "get",
                  "url": "%2$s/%1$s/accounts/{{account}}/balance", "headers": {"Authorization": "Bearer {{apiKey}}"}%3$s}}}}"""
                .formatted(providerId, ProviderStub.baseUrl(), responseHints == null ? "" : ", \"response\": " + responseHints));
        jdbc.update("""
                UPDATE fulfillment_providers SET description = 'Growth', base_url = 'https://api.example', allowed_regions = '["eu","us"]',
                    credentials = '{"password": "s3cret-pw"}', health_status = 'healthy' WHERE id = ?""", providerId);
        return providerId;
    }

    private void answer(String providerId, int status, String body) {
        ProviderStub.server().stubFor(any(urlPathMatching("/" + providerId + "/.*"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private List<LoggedRequest> received(String providerId) {
        return ProviderStub.server().findAll(anyRequestedFor(urlPathMatching("/" + providerId + "/.*")));
    }

    private Reply refresh(String providerId) {
        return api.send(api.request(BASE + providerId + "/balance/refresh").header("X-API-Key", ServiceTest.API_KEY)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private List<Map<String, Object>> balanceRows(String providerId) {
        return jdbc.queryForList("""
                SELECT balance_amount, currency, payload::text AS payload, retrieved_at, updated_at
                  FROM fulfillment_provider_balances WHERE provider_id = ?""", providerId);
    }

    private static Instant instant(Object timestamp) {
        return timestamp instanceof OffsetDateTime offset ? offset.toInstant() : ((java.sql.Timestamp) timestamp).toInstant();
    }

    private static void assertDetail(Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("detail").asText()).isEqualTo(detail);
    }

    @Test
    void theBalanceIsReadThroughTheConfiguredPathsStoredAndReturnedWithTheProvider() throws Exception {
        String providerId = balanceProvider("{\"balancePath\": \"data.wallet.available\", \"currencyPath\": \"data.wallet.cur\"}");
        String providerBody = "{\"data\": {\"wallet\": {\"available\": \"1234.5\", \"cur\": \"eur\"}}, \"balance\": 1, \"currency\": \"usd\"}";
        answer(providerId, 200, providerBody);
        Instant start = Timestamps.now();

        Reply reply = refresh(providerId);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode view = reply.json();
        assertThat(view.fieldNames()).toIterable().containsExactly("id", "name", "description", "baseUrl", "allowedRegions",
                "status", "healthStatus", "lastHealthCheckAt", "createdAt", "updatedAt", "balanceSnapshot");
        assertThat(reply.body()).doesNotContain("s3cret-pw").doesNotContain("k-" + providerId);
        assertThat(view.get("id").asText()).isEqualTo(providerId);
        assertThat(view.get("name").asText()).isEqualTo("Balance " + providerId);
        assertThat(view.get("description").asText()).isEqualTo("Growth");
        assertThat(view.get("baseUrl").asText()).isEqualTo("https://api.example");
        assertThat(view.get("allowedRegions")).isEqualTo(Json.MAPPER.readTree("[\"eu\", \"us\"]"));
        assertThat(view.get("status").asText()).isEqualTo("active");
        assertThat(view.get("healthStatus").asText()).isEqualTo("healthy");
        assertThat(view.get("lastHealthCheckAt").isNull()).isTrue();
        assertThat(Instant.parse(view.get("createdAt").asText())).isBeforeOrEqualTo(start);
        JsonNode snapshot = view.get("balanceSnapshot");
        assertThat(snapshot.get("amount").decimalValue()).isEqualByComparingTo("1234.5");
        assertThat(snapshot.get("currency").asText()).isEqualTo("EUR");
        Instant retrievedAt = Instant.parse(snapshot.get("retrievedAt").asText());
        assertThat(retrievedAt).isBetween(start, Timestamps.now());

        List<LoggedRequest> requests = received(providerId);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getMethod().getName()).isEqualTo("GET");
        assertThat(URI.create(requests.get(0).getUrl()).getPath()).isEqualTo("/" + providerId + "/accounts/42/balance");
        assertThat(requests.get(0).getHeader("Authorization")).isEqualTo("Bearer k-" + providerId);
        assertThat(requests.get(0).getBodyAsString()).isEmpty();

        List<Map<String, Object>> rows = balanceRows(providerId);
        assertThat(rows).hasSize(1);
        assertThat((BigDecimal) rows.get(0).get("balance_amount")).isEqualByComparingTo("1234.50");
        assertThat(rows.get(0).get("currency")).isEqualTo("EUR");
        assertThat(Json.MAPPER.readTree((String) rows.get(0).get("payload"))).isEqualTo(Json.MAPPER.readTree(providerBody));
        assertThat(instant(rows.get(0).get("retrieved_at"))).isEqualTo(retrievedAt);
    }

    @Test
    void withoutPathsTheTopLevelBalanceThenAmountIsUsedAndASecondRefreshUpdatesTheOneRow() throws Exception {
        String providerId = balanceProvider(null);
        answer(providerId, 200, "{\"balance\": \"99.10\", \"currency\": \"usd\"}");

        Reply first = refresh(providerId);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("balanceSnapshot").get("amount").decimalValue()).isEqualByComparingTo("99.1");
        assertThat(first.json().get("balanceSnapshot").get("currency").asText()).isEqualTo("USD");
        Instant firstRetrieved = instant(balanceRows(providerId).get(0).get("retrieved_at"));

        answer(providerId, 200, "{\"amount\": 12, \"currency\": \"gbp\"}");
        Reply second = refresh(providerId);

        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().get("balanceSnapshot").get("amount").decimalValue()).isEqualByComparingTo("12");
        assertThat(second.json().get("balanceSnapshot").get("currency").asText()).isEqualTo("GBP");
        List<Map<String, Object>> rows = balanceRows(providerId);
        assertThat(rows).hasSize(1);
        assertThat((BigDecimal) rows.get(0).get("balance_amount")).isEqualByComparingTo("12");
        assertThat(rows.get(0).get("currency")).isEqualTo("GBP");
        assertThat(instant(rows.get(0).get("retrieved_at"))).isAfter(firstRetrieved);
        assertThat(instant(rows.get(0).get("updated_at"))).isAfter(firstRetrieved);
        assertThat(received(providerId)).hasSize(2);
    }

    @Test
    void aResponseWithoutBalanceOrCurrencyStoresNulls() {
        String providerId = balanceProvider("{\"balancePath\": \"data.missing\"}");
        answer(providerId, 200, "[1, 2]");

        Reply reply = refresh(providerId);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("balanceSnapshot").get("amount").isNull()).isTrue();
        assertThat(reply.json().get("balanceSnapshot").get("currency").isNull()).isTrue();
        assertThat(balanceRows(providerId).get(0).get("payload")).isEqualTo("{\"data\":[1,2]}");
    }

    @Test
    void anUnknownProviderIs404() {
        assertDetail(refresh("no-such-provider"), 404, "Provider not found");
    }

    @Test
    void aMissingBalanceEndpointIs400() {
        String providerId = fixtures.providerWithOrderEndpoint(ProviderOrderFixtures.uniqueId("balance"),
                ProviderStub.baseUrl() + "/unused/order", null);

        assertDetail(refresh(providerId), 400, "Balance endpoint is not configured for provider");
        assertThat(balanceRows(providerId)).isEmpty();
    }

    @Test
    void aProviderErrorIs400NamingStatusAndUrlAndStoresNothing() {
        String providerId = balanceProvider(null);
        answer(providerId, 500, "{\"error\": \"down\"}");

        Reply reply = refresh(providerId);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).contains("500")
                .contains(ProviderStub.baseUrl() + "/" + providerId + "/accounts/42/balance");
        assertThat(received(providerId)).hasSize(1);
        assertThat(balanceRows(providerId)).isEmpty();
    }
}
