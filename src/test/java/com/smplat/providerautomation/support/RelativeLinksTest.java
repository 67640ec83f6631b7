package com.smplat.providerautomation.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RelativeLinksTest {

    @Test
    void encIsFormEncodingWithStarEncodedAndTildeKept() {
        assertThat(RelativeLinks.enc("AZaz09-_.~")).isEqualTo("AZaz09-_.~");
        assertThat(RelativeLinks.enc("a*b")).isEqualTo("a%2Ab");
        assertThat(RelativeLinks.enc("a b")).isEqualTo("a+b");
        assertThat(RelativeLinks.enc("a/b")).isEqualTo("a%2Fb");
        assertThat(RelativeLinks.enc("a&b=c")).isEqualTo("a%26b%3Dc");
        assertThat(RelativeLinks.enc("+%?#")).isEqualTo("%2B%25%3F%23");
        assertThat(RelativeLinks.enc("é€")).as("UTF-8 bytes, upper-case hex").isEqualTo("%C3%A9%E2%82%AC");
        assertThat(RelativeLinks.enc("😀")).isEqualTo("%F0%9F%98%80");
        assertThat(RelativeLinks.enc("")).isEmpty();
    }

    @Test
    void loadAlertLinksAreRelativeInTheSpecOrder() {
        assertThat(RelativeLinks.loadAlert("preset-growth", "prov-beta")).containsExactly(
                Map.entry("merchandising", "/admin/merchandising?presetId=preset-growth"),
                Map.entry("fulfillment", "/admin/fulfillment/providers?providerId=prov-beta"),
                Map.entry("orders", "/admin/orders?presetId=preset-growth&providerId=prov-beta"));
        assertThat(RelativeLinks.loadAlert("a b*", "x/y&z").get("orders"))
                .isEqualTo("/admin/orders?presetId=a+b%2A&providerId=x%2Fy%26z");
    }

    @Test
    void aLinkIsPresentOnlyWhenItsIdentifierIsNonEmpty() {
        assertThat(RelativeLinks.loadAlert(null, "x")).containsExactly(
                Map.entry("fulfillment", "/admin/fulfillment/providers?providerId=x"),
                Map.entry("orders", "/admin/orders?providerId=x"));
        assertThat(RelativeLinks.loadAlert("p", "")).containsExactly(
                Map.entry("merchandising", "/admin/merchandising?presetId=p"),
                Map.entry("orders", "/admin/orders?presetId=p"));
        assertThat(RelativeLinks.loadAlert("", null)).isEmpty();
    }
}
