package com.smplat.providerautomation.support;

/**
 * The one retry schedule of the service's outbound calls (exports now, alerts in part 2 of issue 12): a failure that
 * its caller classed as retryable is retried while fewer than {@code maxRetries} retries were made; the waits double
 * from {@code baseMillis}, and a peer's {@code Retry-After} lengthens a wait up to {@link #MAX_RETRY_AFTER_MILLIS}.
 * Plain functions of values.
 */
public final class RetryPolicy {
    /** A Retry-After beyond this is cut to it: a run never waits longer than a minute for one attempt. */
    public static final long MAX_RETRY_AFTER_MILLIS = 60_000;

    private RetryPolicy() {
    }

    /**
     * The wait before the next attempt, in milliseconds, or null when there is none.
     *
     * @param retryable         whether the failure may be retried at all
     * @param failedAttempts    the attempts that failed so far, this one included (1 after the first attempt)
     * @param maxRetries        the retries allowed after the first attempt
     * @param baseMillis        the wait before the first retry
     * @param retryAfterMillis  the peer's Retry-After, or null
     */
    public static Long waitBeforeRetry(boolean retryable, int failedAttempts, int maxRetries, long baseMillis, Long retryAfterMillis) {
        if (!retryable || failedAttempts > maxRetries) {
            return null;
        }
        long wait = baseMillis << Math.min(20, Math.max(0, failedAttempts - 1));
        return retryAfterMillis == null ? wait : Math.max(wait, Math.min(retryAfterMillis, MAX_RETRY_AFTER_MILLIS));
    }
}
