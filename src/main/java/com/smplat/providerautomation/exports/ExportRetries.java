package com.smplat.providerautomation.exports;

import java.io.IOException;
import java.io.InterruptedIOException;
import com.smplat.providerautomation.support.HttpTargets;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The redelivery decisions of the export routes' route configurations ({@code routes/export-*-routes.yaml}): which
 * failures are retried, how often, and the wait before each retry (set as {@code CamelRedeliveryDelay}). Exchange
 * properties set by the caller: {@link #MAX_RETRIES} and {@link #BASE_DELAY}. After the last attempt the failure is
 * kept in {@link #FAILURE} and the caller decides; exception text (which may name a URL) is never logged here.
 */
@Component("exportRetries")
public class ExportRetries {
    public static final String MAX_RETRIES = "exportMaxRetries";
    public static final String BASE_DELAY = "exportRetryBaseMillis";
    public static final String FAILURE = "exportFailure";
    public static final String ATTEMPTS = "exportAttempts";
    static final long MAX_RETRY_AFTER_MILLIS = 60_000;

    /** Exchange property: the retry policy of route template http-post-with-retry, {@code webhook} or {@code notice}. */
    public static final String RETRY_POLICY = "exportRetryPolicy";

    /** Route template http-post-with-retry: the policy its instance names. */
    public boolean retryHttpPost(Exchange exchange) {
        return "notice".equals(exchange.getProperty(RETRY_POLICY, String.class)) ? retryNotice(exchange) : retryWebhook(exchange);
    }

    /** Webhook (exports.md 3.6): transport errors, timeouts, 408, 429 and 5xx; Retry-After on 429/503, capped at 60 s. */
    private boolean retryWebhook(Exchange exchange) {
        Throwable error = failure(exchange);
        Integer status = httpStatus(error);
        boolean retryable = status == null ? transport(error) : status == 408 || status == 429 || status >= 500;
        return retry(exchange, retryable, status == null || status != 429 && status != 503 ? null
                : HttpTargets.retryAfterMillis(((HttpOperationFailedException) error).getResponseHeaders()));
    }

    /** HTTP source (exports.md 2.8): transport errors, timeouts and 5xx; never 3xx or 4xx. */
    public boolean retryHttp(Exchange exchange) {
        Throwable error = failure(exchange);
        Integer status = httpStatus(error);
        return retry(exchange, status == null ? transport(error) : status >= 500, null);
    }

    /** Chat notice (exports.md 3.12): one retry on a 5xx only. */
    private boolean retryNotice(Exchange exchange) {
        Integer status = httpStatus(failure(exchange));
        return retry(exchange, status != null && status >= 500, null);
    }

    /** S3 (exports.md 3.8): 5xx and network errors; 403, 404 and other 4xx are final. */
    public boolean retryS3(Exchange exchange) {
        Throwable error = failure(exchange);
        Integer status = s3Status(error);
        boolean retryable = status != null ? status >= 500 : find(error, SdkClientException.class) != null || transport(error);
        return retry(exchange, retryable, null);
    }

    private boolean retry(Exchange exchange, boolean retryable, Long retryAfter) {
        int failed = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class);
        exchange.setProperty(ATTEMPTS, failed);
        int max = exchange.getProperty(MAX_RETRIES, 0, Integer.class);
        if (!retryable || failed > max) {
            return false;
        }
        long base = exchange.getProperty(BASE_DELAY, 1000L, Long.class);
        long delay = base << Math.min(20, failed - 1);
        if (retryAfter != null) {
            delay = Math.max(delay, Math.min(retryAfter, MAX_RETRY_AFTER_MILLIS));
        }
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, delay);
        exchange.setProperty(ATTEMPTS, failed + 1);
        return true;
    }

    static Throwable failure(Exchange exchange) {
        Throwable error = exchange.getException();
        return error != null ? error : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
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
