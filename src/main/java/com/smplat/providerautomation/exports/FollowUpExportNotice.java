package com.smplat.providerautomation.exports;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/** The GF chat notice (exports.md 3.12): its verbatim lines, and the request glue of route {@code followup-export-notify}. */
@Component("followUpExportNotice")
public class FollowUpExportNotice {
    /** Exchange property: the Slack incoming-webhook URL (secret: it travels in headers, never in an endpoint URI). */
    public static final String WEBHOOK = "followUpNoticeWebhook";

    static String text(ExportOutcome outcome, String runReference) {
        if (outcome.succeeded()) {
            CursorState written = outcome.written();
            return String.join("\n",
                    ":white_check_mark: Guardrail follow-up export succeeded",
                    "- Rows: " + (written == null ? outcome.rows() : written.rows()),
                    "- Next cursor: " + (written == null || written.cursor() == null ? "none" : written.cursor()),
                    "- Updated: " + (written == null ? "none" : written.updatedAt()),
                    "- Run: " + runReference);
        }
        return String.join("\n",
                ":rotating_light: Guardrail follow-up export failed",
                "- Error: " + outcome.category() + (outcome.detail() == null ? "" : " (" + outcome.detail() + ")"),
                "- Rows delivered: " + outcome.rows(),
                "- Cursor: " + (outcome.cursor() == null ? "none" : outcome.cursor()),
                "- Run: " + runReference);
    }

    /** One POST of {"text": ...}: the URL in headers, 10 s timeouts; one retry on a 5xx (route configuration). */
    public void prepare(Exchange exchange) {
        String url = exchange.getProperty(WEBHOOK, String.class);
        Message message = exchange.getMessage();
        byte[] payload = message.getBody(String.class).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        com.smplat.providerautomation.support.HttpTargets.address(message, url, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(payload);
        exchange.setProperty(ExportRetries.BASE_DELAY, 1000L);
    }
}
