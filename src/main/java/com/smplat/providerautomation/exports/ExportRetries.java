package com.smplat.providerautomation.exports;

import java.io.IOException;
import java.io.InterruptedIOException;
import com.smplat.providerautomation.support.HttpTargets;
import com.smplat.providerautomation.support.RetryPolicy;
import org.apache.camel.http.base.HttpOperationFailedException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The retry policy of the export routes' route configurations ({@code routes/http-post.yaml},
 * {@code routes/export-*-routes.yaml}) as functions of values: which failures a policy retries and the wait before
 * the next attempt ({@link RetryPolicy}'s schedule). Policies: {@code webhook} (transport errors, timeouts, 408, 429,
 * 5xx; Retry-After on 429/503), {@code notice} (5xx only), {@code http} (transport errors, timeouts, 5xx) and
 * {@code s3} (5xx and network errors). Each route configuration's {@code onExceptionOccurredRef} ({@link ExportRetryWait})
 * decides once per failure and its {@code retryWhile} tests the decision ({@link #NEXT_WAIT}). Exception text (which may
 * name a URL) is never logged here.
 */
public final class ExportRetries {
    public static final String POLICY = "exportRetryPolicy";
    public static final String MAX_RETRIES = "exportMaxRetries";
    public static final String BASE_DELAY = "exportRetryBaseMillis";
    public static final String FAILURE = "exportFailure";
    public static final String ATTEMPTS = "exportAttempts";
    /** The wait before the next attempt, set by {@link ExportRetryWait} while a retry is due; absent when none is. */
    public static final String NEXT_WAIT = "exportNextRetryWait";
    static final long DEFAULT_BASE_MILLIS = 1000;

    private ExportRetries() {
    }

    /** The wait before the next attempt in milliseconds, or null when {@code policy} does not retry (any more). */
    public static Long waitBeforeRetry(String policy, Throwable failure, int failedAttempts, int maxRetries, long baseMillis) {
        Integer status = "s3".equals(policy) ? s3Status(failure) : httpStatus(failure);
        boolean retryable;
        Long retryAfter = null;
        switch (policy == null ? "webhook" : policy) {
            case "notice" -> retryable = status != null && status >= 500;
            case "http" -> retryable = status == null ? transport(failure) : status >= 500;
            case "s3" -> retryable = status != null ? status >= 500 : find(failure, SdkClientException.class) != null || transport(failure);
            default -> {
                retryable = status == null ? transport(failure) : status == 408 || status == 429 || status >= 500;
                if (status != null && (status == 429 || status == 503)) {
                    retryAfter = HttpTargets.retryAfterMillis(find(failure, HttpOperationFailedException.class).getResponseHeaders());
                }
            }
        }
        return RetryPolicy.waitBeforeRetry(retryable, failedAttempts, maxRetries, baseMillis, retryAfter);
    }

    public static Integer httpStatus(Throwable error) {
        HttpOperationFailedException failed = find(error, HttpOperationFailedException.class);
        return failed == null ? null : failed.getStatusCode();
    }

    public static Integer s3Status(Throwable error) {
        AwsServiceException failed = find(error, AwsServiceException.class);
        return failed == null ? null : failed.statusCode();
    }

    static boolean transport(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InterruptedIOException || cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** A short, secret-free description of a failure: {@code HTTP 503}, {@code timeout}, {@code connection error}. */
    public static String describe(Throwable error) {
        Integer status = httpStatus(error);
        if (status != null) {
            return "HTTP " + status;
        }
        status = s3Status(error);
        if (status != null) {
            return "S3 HTTP " + status;
        }
        if (find(error, InterruptedIOException.class) != null || find(error, ApiCallAttemptTimeoutException.class) != null
                || find(error, ApiCallTimeoutException.class) != null) {
            return "timeout";
        }
        if (transport(error) || find(error, SdkClientException.class) != null) {
            return "connection error";
        }
        return error == null ? "unknown error" : error.getClass().getSimpleName();
    }

    static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
