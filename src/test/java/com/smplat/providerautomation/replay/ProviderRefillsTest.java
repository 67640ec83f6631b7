package com.smplat.providerautomation.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import org.junit.jupiter.api.Test;

/** The provider order reference of replay-and-history.md 7.8. */
class ProviderRefillsTest {

    private static String reference(String payload) throws Exception {
        return ProviderRefills.reference((ObjectNode) Json.MAPPER.readTree(payload)).orElse(null);
    }

    @Test
    void theKeysAreTriedInOrder() throws Exception {
        assertThat(reference("""
                {"orderId": "o", "providerOrderID": "c", "provider_order_id": "b", "providerOrderId": "a"}""")).isEqualTo("a");
        assertThat(reference("{\"orderId\": \"o\", \"providerOrderID\": \"c\", \"provider_order_id\": \"b\"}")).isEqualTo("b");
        assertThat(reference("{\"orderId\": \"o\", \"providerOrderID\": \"c\"}")).isEqualTo("c");
        assertThat(reference("{\"orderId\": \"o\"}")).isEqualTo("o");
    }

    @Test
    void integersCountAndTextIsStripped() throws Exception {
        assertThat(reference("{\"providerOrderId\": 98765}")).isEqualTo("98765");
        assertThat(reference("{\"providerOrderId\": 0}")).isEqualTo("0");
        assertThat(reference("{\"providerOrderId\": \" remote-1 \"}")).isEqualTo("remote-1");
    }

    @Test
    void blankTextAndOtherTypesAreSkipped() throws Exception {
        assertThat(reference("""
                {"providerOrderId": "  ", "provider_order_id": 1.5, "providerOrderID": true, "orderId": {"id": "x"}}""")).isNull();
        assertThat(reference("{\"providerOrderId\": null, \"provider_order_id\": [\"a\"], \"orderId\": 7}")).isEqualTo("7");
        assertThat(reference("{}")).isNull();
    }
}
