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

    @Test
    void onlyTheYears0001To9999ReadAsTimestamps() {
        assertThat(Timestamps.parse("0001-01-01T00:00:00Z")).contains(Timestamps.MIN);
        assertThat(Timestamps.parse("9999-12-31T23:59:59.999999Z")).contains(Timestamps.MAX);
        assertThat(Timestamps.parse("-4714-01-01T00:00:00Z")).isEmpty();
        assertThat(Timestamps.parse("+999999999-12-31T23:59:59Z")).isEmpty();
        assertThat(Timestamps.parse("+10000-01-01T00:00:00Z")).isEmpty();
        assertThat(Timestamps.parse("0000-12-31T23:59:59Z")).isEmpty();
        assertThat(Timestamps.parse("0001-01-01T00:30:00+01:00")).isEmpty();
        assertThat(Timestamps.parse("0000-12-31")).isEmpty();
    }
}
