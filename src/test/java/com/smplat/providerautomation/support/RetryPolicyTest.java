package com.smplat.providerautomation.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void waitsDoubleFromTheFirstWaitUntilTheRetriesAreSpent() {
        assertThat(RetryPolicy.waitBeforeRetry(true, 1, 3, 1000, null)).isEqualTo(1000L);
        assertThat(RetryPolicy.waitBeforeRetry(true, 2, 3, 1000, null)).isEqualTo(2000L);
        assertThat(RetryPolicy.waitBeforeRetry(true, 3, 3, 1000, null)).isEqualTo(4000L);
        assertThat(RetryPolicy.waitBeforeRetry(true, 4, 3, 1000, null)).isNull();
    }

    @Test
    void aFailureThatIsNotRetryableIsNeverRetried() {
        assertThat(RetryPolicy.waitBeforeRetry(false, 1, 3, 1000, null)).isNull();
    }

    @Test
    void aLongerRetryAfterWinsUpToAMinute() {
        assertThat(RetryPolicy.waitBeforeRetry(true, 1, 3, 1000, 5000L)).isEqualTo(5000L);
        assertThat(RetryPolicy.waitBeforeRetry(true, 2, 3, 1000, 500L)).isEqualTo(2000L);
        assertThat(RetryPolicy.waitBeforeRetry(true, 1, 3, 1000, 3_600_000L)).isEqualTo(RetryPolicy.MAX_RETRY_AFTER_MILLIS);
    }
}
