package com.smplat.providerautomation.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The dot path and the balance/currency extraction of replay-and-history.md 7.9. */
class BalanceRefreshTest {

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(text);
    }

    @Test
    void aDotPathWalksObjectsAndArrayIndexes() throws Exception {
        ObjectNode root = json("""
                {"data": {"wallet": {"balance": 12.5}, "accounts": [{"amount": 1}, {"amount": 2}]}, "a.b": 3}""");
        assertThat(BalanceRefresh.at(root, "data.wallet.balance").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(BalanceRefresh.at(root, "data.accounts.1.amount").asInt()).isEqualTo(2);
        assertThat(BalanceRefresh.at(root, "data").isObject()).isTrue();
    }

    @Test
    void aDotPathThatLeadsNowhereIsNull() throws Exception {
        ObjectNode root = json("{\"data\": {\"wallet\": 5, \"list\": [1]}}");
        assertThat(BalanceRefresh.at(root, null)).isNull();
        assertThat(BalanceRefresh.at(root, "missing.balance")).isNull();
        assertThat(BalanceRefresh.at(root, "data.wallet.balance")).isNull();
        assertThat(BalanceRefresh.at(root, "data.list.5")).isNull();
        assertThat(BalanceRefresh.at(root, "data.list.x")).isNull();
        assertThat(BalanceRefresh.at(root, "data..wallet")).isNull();
        assertThat(BalanceRefresh.at(root, "a.b")).isNull();
    }

    @Test
    void theAmountIsTheFirstNumberOfPathThenBalanceThenAmount() throws Exception {
        JsonNode hints = json("{\"balancePath\": \"data.available\"}");
        assertThat(BalanceRefresh.amount(json("{\"data\": {\"available\": \"7.25\"}, \"balance\": 1, \"amount\": 2}"), hints))
                .isEqualByComparingTo("7.25");
        assertThat(BalanceRefresh.amount(json("{\"data\": {}, \"balance\": 1, \"amount\": 2}"), hints)).isEqualByComparingTo("1");
        assertThat(BalanceRefresh.amount(json("{\"balance\": \"n/a\", \"amount\": 2}"), null)).isEqualByComparingTo("2");
        assertThat(BalanceRefresh.amount(json("{\"balance\": {\"value\": 1}}"), null)).isNull();
        assertThat(BalanceRefresh.amount(json("{\"balance\": 1E13, \"amount\": 3}"), null))
                .as("a value the column cannot hold is passed over").isEqualByComparingTo("3");
    }

    @Test
    void theCurrencyIsUpperCasedFromPathThenTopLevel() throws Exception {
        JsonNode hints = json("{\"currencyPath\": \"data.cur\"}");
        assertThat(BalanceRefresh.currency(json("{\"data\": {\"cur\": \" eur \"}, \"currency\": \"usd\"}"), hints)).isEqualTo("EUR");
        assertThat(BalanceRefresh.currency(json("{\"data\": {\"cur\": 978}, \"currency\": \"usd\"}"), hints)).isEqualTo("USD");
        assertThat(BalanceRefresh.currency(json("{\"currency\": \"\"}"), null)).isNull();
        assertThat(BalanceRefresh.currency(json("{\"currency\": \"US dollars\"}"), null)).isNull();
    }

    @Test
    void theViewLeavesSecretsOutAndNormalisesTheSnapshot() {
        Instant at = Instant.parse("2025-01-10T12:00:00Z");
        ObjectNode view = BalanceRefresh.view(new BalanceRepository.ProviderBalance("p", "P", null, "https://p.example",
                Json.MAPPER.createArrayNode().add("eu"), "active", "unknown", null, at, at, new BigDecimal("150.00"), "USD", at));
        assertThat(view.fieldNames()).toIterable().containsExactly("id", "name", "description", "baseUrl", "allowedRegions",
                "status", "healthStatus", "lastHealthCheckAt", "createdAt", "updatedAt", "balanceSnapshot");
        assertThat(view.get("balanceSnapshot").get("amount").decimalValue()).isEqualTo(new BigDecimal("150.0"));
        assertThat(view.get("balanceSnapshot").get("retrievedAt").asText()).isEqualTo("2025-01-10T12:00:00.000000Z");
        assertThat(view.get("lastHealthCheckAt").isNull()).isTrue();

        ObjectNode withoutSnapshot = BalanceRefresh.view(new BalanceRepository.ProviderBalance("p", "P", null, null, null,
                "inactive", "unknown", null, at, at, null, null, null));
        assertThat(withoutSnapshot.get("balanceSnapshot").isNull()).isTrue();
    }
}
