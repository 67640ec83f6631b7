package com.smplat.providerautomation.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.alerts.DeliveryTargets.ChannelState;
import com.smplat.providerautomation.config.AlertSettings;
import com.smplat.providerautomation.support.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers alert notifications by email and Slack (alerts.md 10.3, 10.4, 10.6, 10.7) through the delivery routes, and
 * reports the outcome as the summary's {@code notificationDelivery} (11.1). Channels, and email recipients, run as
 * separate tasks, so one never stops or waits for another (AL-NOTIF-3/4). A misconfigured channel is never attempted.
 * Logs name a Slack endpoint by scheme and host only (AL-SEC-1). Nothing here throws.
 */
@Component("notificationDelivery")
public class NotificationDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationDelivery.class);

    private final ProducerTemplate producer;
    private final DeliveryTargets configured;
    private final ExecutorService workers;

    public NotificationDelivery(ProducerTemplate producer, CamelContext camel, AlertSettings settings) {
        this.producer = producer;
        this.configured = DeliveryTargets.from(settings);
        // Camel owns the pool's lifecycle: it is shut down with the context
        this.workers = camel.getExecutorServiceManager().newFixedThreadPool(this, "alert-delivery", 4);
    }

    /** The run notification to the configured targets. */
    public DeliveryReport deliver(boolean dispatched, String emailSubject, String emailBody, String slackPayloadJson) {
        return deliver(configured, dispatched, emailSubject, emailBody, slackPayloadJson);
    }

    /**
     * The run notification: when {@code dispatched}, one email per valid recipient and one Slack post, each channel
     * only when configured. {@code slackPayloadJson} is the composed payload; its {@code text} is posted, with the
     * targets' channel when one is configured.
     */
    public DeliveryReport deliver(DeliveryTargets targets, boolean dispatched, String emailSubject, String emailBody,
                                  String slackPayloadJson) {
        boolean sendSlack = dispatched && targets.slack() == ChannelState.CONFIGURED;
        boolean sendEmail = dispatched && targets.email() == ChannelState.CONFIGURED;
        CompletableFuture<AttemptOutcome> slack = sendSlack
                ? async(() -> post(targets, slackPayloadJson)) : CompletableFuture.completedFuture(null);
        List<CompletableFuture<AttemptOutcome>> emails = new ArrayList<>();
        if (sendEmail) {
            for (String recipient : targets.emailRecipients()) {
                emails.add(async(() -> send(targets, recipient, emailSubject, emailBody)));
            }
        }
        List<ObjectNode> errors = new ArrayList<>();
        ObjectNode delivery = Json.MAPPER.createObjectNode().put("dispatched", dispatched);
        boolean emailDelivered = email(delivery.putObject("email"), targets, emails, errors);
        boolean slackDelivered = slack(delivery.putObject("slack"), targets, slack.join(), errors);
        return new DeliveryReport(delivery, errors, emailDelivered || slackDelivered);
    }

    /** An AL-PB-8 follow-up message to the configured webhook: true when posted; a failure is only logged. */
    public boolean postFollowUp(String slackPayloadJson) {
        return postFollowUp(configured, slackPayloadJson);
    }

    public boolean postFollowUp(DeliveryTargets targets, String slackPayloadJson) {
        if (targets.slack() != ChannelState.CONFIGURED) {
            return false;
        }
        AttemptOutcome outcome = post(targets, slackPayloadJson);
        if (!outcome.delivered()) {
            LOG.warn("Guardrail follow-up Slack post to {} failed after {} attempt(s): {}", targets.slackEndpointLabel(),
                    outcome.attempts(), outcome.code());
        }
        return outcome.delivered();
    }

    private boolean email(ObjectNode email, DeliveryTargets targets, List<CompletableFuture<AttemptOutcome>> sends,
                          List<ObjectNode> errors) {
        List<String> failedRecipients = new ArrayList<>();
        String firstCode = null;
        for (int i = 0; i < sends.size(); i++) {
            AttemptOutcome outcome = sends.get(i).join();
            if (!outcome.delivered()) {
                String recipient = targets.emailRecipients().get(i);
                failedRecipients.add(recipient);
                firstCode = firstCode == null ? outcome.code() : firstCode;
                LOG.warn("Alert email to {} failed after {} attempt(s): {}", recipient, outcome.attempts(), outcome.code());
            }
        }
        int delivered = sends.size() - failedRecipients.size();
        String status = targets.email() == ChannelState.MISCONFIGURED ? "misconfigured"
                : sends.isEmpty() ? "skipped"
                : failedRecipients.isEmpty() ? "sent" : delivered == 0 ? "failed" : "partial";
        email.put("status", status)
                .put("recipients", targets.emailRecipients().size())
                .put("delivered", delivered)
                .put("failed", failedRecipients.size());
        failedRecipients.forEach(email.putArray("failedRecipients")::add);
        targets.invalidEmailRecipients().forEach(email.putArray("invalidRecipients")::add);
        addError(errors, "email", status.equals("misconfigured") ? "misconfigured"
                : status.equals("failed") || status.equals("partial") ? firstCode : null);
        return delivered > 0;
    }

    private boolean slack(ObjectNode slack, DeliveryTargets targets, AttemptOutcome outcome, List<ObjectNode> errors) {
        String status = targets.slack() == ChannelState.MISCONFIGURED ? "misconfigured"
                : outcome == null ? "skipped" : outcome.delivered() ? "sent" : "failed";
        slack.put("status", status)
                .put("attempts", outcome == null ? 0 : outcome.attempts())
                .put("httpStatus", outcome == null ? null : outcome.httpStatus());
        if (status.equals("failed")) {
            LOG.warn("Slack notification to {} failed after {} attempt(s): {}", targets.slackEndpointLabel(),
                    outcome.attempts(), outcome.code());
        }
        addError(errors, "slack", status.equals("misconfigured") ? "misconfigured"
                : status.equals("failed") ? outcome.code() : null);
        return status.equals("sent");
    }

    private static void addError(List<ObjectNode> errors, String stage, String code) {
        if (code != null) {
            errors.add(Json.MAPPER.createObjectNode().put("stage", stage).put("code", code));
        }
    }

    private CompletableFuture<AttemptOutcome> async(Supplier<AttemptOutcome> delivery) {
        return CompletableFuture.supplyAsync(delivery, workers)
                .exceptionally(error -> AttemptOutcome.failed(0, null, "unexpected-error"));
    }

    private AttemptOutcome post(DeliveryTargets targets, String payloadJson) {
        Optional<String> body = slackBody(payloadJson, targets.slackChannel());
        if (body.isEmpty()) {
            return AttemptOutcome.failed(0, null, "invalid-payload");
        }
        return request("direct:alert-slack-post", targets, exchange -> exchange.getIn().setBody(body.get()));
    }

    private AttemptOutcome send(DeliveryTargets targets, String recipient, String subject, String text) {
        return request("direct:alert-email-send", targets, exchange -> {
            exchange.getIn().setHeader(DeliveryAttempts.RECIPIENT, recipient);
            exchange.getIn().setHeader(DeliveryAttempts.SUBJECT, subject);
            exchange.getIn().setBody(text);
        });
    }

    private AttemptOutcome request(String uri, DeliveryTargets targets, Consumer<Exchange> input) {
        Exchange exchange = producer.send(uri, ex -> {
            ex.setProperty(DeliveryAttempts.TARGETS, targets);
            input.accept(ex);
        });
        AttemptOutcome outcome = exchange.getMessage().getBody(AttemptOutcome.class);
        // the routes handle every failure; anything else is a fault of this service, reported without its text
        return exchange.getException() == null && outcome != null ? outcome : AttemptOutcome.failed(0, null, "unexpected-error");
    }

    /** Exactly {@code {"text": ..., "channel"?: ...}} (AL-SLACK-1): the payload's text and the targets' channel. */
    static Optional<String> slackBody(String payloadJson, Optional<String> channel) {
        JsonNode payload = Json.readOrNull(payloadJson);
        if (payload == null || !payload.path("text").isTextual()) {
            return Optional.empty();
        }
        ObjectNode body = Json.MAPPER.createObjectNode().put("text", payload.get("text").asText());
        channel.ifPresent(name -> body.put("channel", name));
        return Optional.of(Json.write(body));
    }
}
