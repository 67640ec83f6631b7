package com.smplat.providerautomation.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonContentFilterTest {

    @Test
    void jsonOrNoContentTypeIsAccepted() {
        assertThat(JsonContentFilter.acceptable(null)).isTrue();
        assertThat(JsonContentFilter.acceptable("application/json")).isTrue();
        assertThat(JsonContentFilter.acceptable("application/json; charset=utf-8")).isTrue();
        assertThat(JsonContentFilter.acceptable("application/problem+json")).isTrue();
    }

    @Test
    void formsAndMultipartAreNot() {
        assertThat(JsonContentFilter.acceptable("application/x-www-form-urlencoded")).isFalse();
        assertThat(JsonContentFilter.acceptable("multipart/form-data; boundary=x")).isFalse();
        assertThat(JsonContentFilter.acceptable("application/xml")).isFalse();
    }
}
