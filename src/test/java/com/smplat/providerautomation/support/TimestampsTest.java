package com.smplat.providerautomation.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void canonicalFormHasSixFractionDigitsAndZ() {
        assertThat(Timestamps.canonical(Instant.parse("2026-01-20T09:15:00Z"))).isEqualTo("2026-01-20T09:15:00.000000Z");
        assertThat(Timestamps.canonical(Instant.parse("2026-01-20T10:30:00.250001999Z"))).isEqualTo("2026-01-20T10:30:00.250001Z");
    }

    @Test
    void readerAcceptsEveryContractForm() {
        Instant expected = Instant.parse("2026-01-20T09:15:00Z");
        assertThat(Timestamps.parse("2026-01-20T09:15:00Z")).contains(expected);
        assertThat(Timestamps.parse("2026-01-20T09:15:00+00:00")).contains(expected);
        assertThat(Timestamps.parse("2026-01-20T11:15:00+02:00")).contains(expected);
        assertThat(Timestamps.parse("2026-01-20T09:15:00")).contains(expected);
        assertThat(Timestamps.parse("2026-01-20T09:15")).contains(expected);
        assertThat(Timestamps.parse("2026-01-20")).contains(Instant.parse("2026-01-20T00:00:00Z"));
        assertThat(Timestamps.parse("2026-01-20T09:15:00.123456789Z")).contains(Instant.parse("2026-01-20T09:15:00.123456Z"));
    }

    @Test
    void anythingElseIsInvalid() {
        assertThat(Timestamps.parse("yesterday")).isEmpty();
        assertThat(Timestamps.parse("2026-13-01T00:00:00Z")).isEmpty();
        assertThat(Timestamps.parse("")).isEmpty();
        assertThat(Timestamps.parse(null)).isEmpty();
    }
}
