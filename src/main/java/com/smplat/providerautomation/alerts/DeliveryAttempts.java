package com.smplat.providerautomation.alerts;

import com.smplat.providerautomation.support.HttpTargets;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.stereotype.Component;

/**
 * The Java side of the delivery routes ({@code routes/alerts-delivery-routes.yaml}): prepares one Slack post or one
 * email for its Camel endpoint, decides each redelivery (alerts.md 10.7) and turns the end state into an
 * {@link AttemptOutcome}. Failures become sanitised codes only (AL-SEC-2): exception text, which may carry the
 * webhook URL, never leaves this class.
 */
@Component("deliveryAttempts")
public class DeliveryAttempts {
    /** Exchange property: the {@link DeliveryTargets} of this delivery. */
    public static final String TARGETS = "alertDeliveryTargets";
    /** Headers into {@code direct:alert-email-send}: the one recipient and the subject; the body is the text. */
    public static final String RECIPIENT = "alertEmailRecipient";
    public static final String SUBJECT = "alertEmailSubject";
    static final String MAIL_URI = "alertMailUri";
    static final String FAILED_ATTEMPTS = "alertFailedAttempts";
    /** AL-MAIL-2, AL-SLACK-1: 10 s per connection and attempt. */
    static final int TIMEOUT_MILLIS = 10_000;
    /** AL-NOTIF-5: a Retry-After is honoured up to 30 s. */
    static final long MAX_RETRY_AFTER_MILLIS = 30_000;

    private static final Pattern LEADING_REPLY_CODE = Pattern.compile("^\\s*([2-5]\\d\\d)\\b");

    // ---- Slack (AL-SLACK-1, AL-NOTIF-5)

    /** Body: the payload JSON, sent as UTF-8 bytes so no charset guess can alter it; only these headers go out. */
    public void prepareSlack(Exchange exchange) {
        String url = targets(exchange).slackWebhookUrl().orElseThrow();
        Message message = exchange.getMessage();
        byte[] payload = message.getBody(String.class).getBytes(StandardCharsets.UTF_8);
        // the URL goes in headers, not the endpoint URI, so it never reaches endpoint registries, metrics or logs
        HttpTargets.address(message, url, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(payload);
    }

    public void slackDelivered(Exchange exchange) {
        exchange.getMessage().setBody(AttemptOutcome.delivered(attempts(exchange, true),
                exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)));
    }

    /**
     * The onException retryWhile: retry connection errors, timeouts, 429 and 5xx while attempts remain. It also sets
     * the delay of the coming redelivery (Camel's {@code CamelRedeliveryDelay} header overrides the policy's delay):
     * the exponential backoff, or a 429's Retry-After capped at 30 s.
     */
    public boolean retrySlack(Exchange exchange) {
        Throwable error = failure(exchange);
        Integer status = httpStatus(error);
        boolean transientFailure = status == null ? transport(error) != null : status == 429 || status >= 500;
        int attempts = failedAttempts(exchange);
        if (!transientFailure || attempts >= targets(exchange).maxAttempts()) {
            return false;
        }
        long delay = targets(exchange).backoffBeforeRetry(attempts);
        if (status != null && status == 429) {
            Long retryAfter = retryAfterMillis(((HttpOperationFailedException) error).getResponseHeaders());
            delay = retryAfter == null ? delay : Math.min(retryAfter, MAX_RETRY_AFTER_MILLIS);
        }
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, delay);
        return true;
    }

    public void slackFailed(Exchange exchange) {
        Throwable error = failure(exchange);
        Integer status = httpStatus(error);
        String code = status != null ? "http-" + status : codeOr(transport(error), "unexpected-error");
        exchange.getMessage().setBody(AttemptOutcome.failed(attempts(exchange, false), status, code));
    }

    // ---- Email (AL-MAIL-1/2, AL-NOTIF-6)

    /** One message to one recipient: To, From, Subject and a UTF-8 plain-text body, nothing else. */
    public void prepareEmail(Exchange exchange) {
        DeliveryTargets targets = targets(exchange);
        Message message = exchange.getMessage();
        String recipient = message.getHeader(RECIPIENT, String.class);
        String subject = message.getHeader(SUBJECT, String.class);
        String text = message.getBody(String.class);
        // every header left on the message would become a mail header
        message.removeHeaders("*");
        message.setHeader("To", recipient);
        message.setHeader("From", targets.smtpSender().orElseThrow());
        message.setHeader("Subject", subject);
        message.setHeader("contentType", "text/plain; charset=UTF-8");
        message.setBody(text);
        exchange.setProperty(MAIL_URI, mailUri(targets));
    }

    /**
     * The camel-mail endpoint for the targets. Credentials appear only when both are set, as RAW values under the
     * option names Camel masks in every URI it logs ({@code username}, {@code password}).
     */
    static String mailUri(DeliveryTargets targets) {
        StringBuilder uri = new StringBuilder("smtp://").append(targets.smtpHost().orElseThrow()).append(':')
                .append(targets.smtpPort()).append("?connectionTimeout=").append(TIMEOUT_MILLIS);
        for (String timeout : new String[] {"connectiontimeout", "timeout", "writetimeout"}) {
            uri.append("&mail.smtp.").append(timeout).append('=').append(TIMEOUT_MILLIS);
        }
        if (targets.smtpUseTls()) {
            // required: never fall back to plain text when the server offers no STARTTLS (credentials would travel in clear)
            uri.append("&mail.smtp.starttls.enable=true&mail.smtp.starttls.required=true");
        }
        if (targets.smtpLogin()) {
            uri.append("&username=").append(raw(targets.smtpUsername().get()))
                    .append("&password=").append(raw(targets.smtpPassword().get()));
        }
        return uri.toString();
    }

    private static String raw(String value) {
        return value.contains(")") ? "RAW{" + value + "}" : "RAW(" + value + ")";
    }

    public void emailDelivered(Exchange exchange) {
        exchange.getMessage().setBody(AttemptOutcome.delivered(attempts(exchange, true), null));
    }

    /** The onException retryWhile: retry connection failures, timeouts and SMTP 4xx, never 5xx, with the backoff. */
    public boolean retryEmail(Exchange exchange) {
        String code = mailCode(failure(exchange));
        boolean transientFailure = code.equals("timeout") || code.equals("connection-error") || code.startsWith("smtp-4");
        int attempts = failedAttempts(exchange);
        if (!transientFailure || attempts >= targets(exchange).maxAttempts()) {
            return false;
        }
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, targets(exchange).backoffBeforeRetry(attempts));
        return true;
    }

    public void emailFailed(Exchange exchange) {
        exchange.getMessage().setBody(AttemptOutcome.failed(attempts(exchange, false), null,
                mailCode(failure(exchange))));
    }

    // ---- classification

    private static DeliveryTargets targets(Exchange exchange) {
        return exchange.getProperty(TARGETS, DeliveryTargets.class);
    }

    /** The failure being handled: still on the exchange while retryWhile runs, then kept as EXCEPTION_CAUGHT. */
    private static Throwable failure(Exchange exchange) {
        Throwable error = exchange.getException();
        return error != null ? error : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }

    /**
     * In retryWhile: the attempts that failed so far. Camel counts them in the CamelRedeliveryCounter header, but
     * removes that header before the failure steps run, so the count is kept in an exchange property too.
     */
    private static int failedAttempts(Exchange exchange) {
        int failed = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class);
        exchange.setProperty(FAILED_ATTEMPTS, failed);
        return failed;
    }

    /** After the last attempt: the failed ones, plus the one that succeeded. */
    private static int attempts(Exchange exchange, boolean delivered) {
        int failed = exchange.getProperty(FAILED_ATTEMPTS, 0, Integer.class);
        return delivered ? failed + 1 : Math.max(1, failed);
    }

    static Integer httpStatus(Throwable error) {
        return error instanceof HttpOperationFailedException failed ? failed.getStatusCode() : null;
    }

    /** {@code timeout} or {@code connection-error} for an I/O failure anywhere in the cause chain, else null. */
    static String transport(Throwable error) {
        String code = null;
        for (Throwable cause = error; cause != null; cause = next(cause)) {
            if (cause instanceof InterruptedIOException) {
                return "timeout";
            }
            if (cause instanceof IOException) {
                code = "connection-error";
            }
        }
        return code;
    }

    /** An SMTP reply code as {@code smtp-NNN}, else {@code timeout}, {@code connection-error} or {@code smtp-error}. */
    static String mailCode(Throwable error) {
        for (Throwable cause = error; cause != null; cause = next(cause)) {
            int reply = cause instanceof SMTPAddressFailedException address ? address.getReturnCode()
                    : cause instanceof SMTPSenderFailedException sender ? sender.getReturnCode()
                    : cause instanceof SMTPSendFailedException send ? send.getReturnCode()
                    : cause instanceof AuthenticationFailedException auth ? leadingReplyCode(auth.getMessage()) : 0;
            if (reply > 0) {
                return "smtp-" + reply;
            }
        }
        return codeOr(transport(error), "smtp-error");
    }

    private static int leadingReplyCode(String text) {
        Matcher matcher = LEADING_REPLY_CODE.matcher(text == null ? "" : text);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private static Throwable next(Throwable error) {
        Throwable next = error instanceof MessagingException messaging && messaging.getNextException() != null
                ? messaging.getNextException() : error.getCause();
        return next == error ? null : next;
    }

    private static String codeOr(String code, String fallback) {
        return code == null ? fallback : code;
    }

    /** Retry-After as delta-seconds or an HTTP date, in milliseconds; null when absent or unreadable. */
    static Long retryAfterMillis(Map<String, String> headers) {
        return HttpTargets.retryAfterMillis(headers);
    }
}
