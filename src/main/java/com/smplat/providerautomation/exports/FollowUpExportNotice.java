package com.smplat.providerautomation.exports;

import com.smplat.providerautomation.config.ExportSettings;
import org.springframework.stereotype.Component;

/**
 * The facts the Slack notice of a managed follow-up run states (exports.md 3.12). Its wording is a simple template in
 * route {@code followup-export-notice-text} (routes/export-followups-routes.yaml), so it changes without Java; here
 * each fact is a display value, {@code none} where the run has none.
 */
@Component("followUpExportNotice")
public class FollowUpExportNotice {
    /** Exchange property: the Slack incoming-webhook URL (secret: it travels in headers, never in an endpoint URI). */
    public static final String WEBHOOK = "followUpNoticeWebhook";

    /**
     * The notice's values.
     *
     * @param rows          the rows of the cursor the run wrote (a success's "Rows")
     * @param rowsDelivered the rows the run confirmed (a failure's "Rows delivered")
     * @param nextCursor    the cursor the run wrote
     * @param updated       when the run wrote it
     * @param error         a failure's category and detail
     * @param cursor        the cursor after the run
     * @param run           the run's reference: the workflow URL with its id, else the run id
     */
    public record Facts(long rows, long rowsDelivered, String nextCursor, String updated, String error, String cursor, String run) {
    }

    /** The facts of one finished run; the run reference is GUARDRAIL_EXPORT_WORKFLOW_URL with {runId}, else the run id. */
    public Facts facts(ExportSettings settings, String runId, ExportOutcome outcome) {
        String reference = settings.workflowUrl().map(url -> url.replace("{runId}", runId)).orElse(runId);
        CursorState written = outcome.written();
        return new Facts(written == null ? outcome.rows() : written.rows(), outcome.rows(),
                written == null || written.cursor() == null ? "none" : written.cursor(),
                written == null ? "none" : written.updatedAt(),
                outcome.category() + (outcome.detail() == null ? "" : " (" + outcome.detail() + ")"),
                outcome.cursor() == null ? "none" : outcome.cursor(), reference);
    }
}
