package com.smplat.providerautomation.exports;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a GF run ended (exports.md 3.9): rows confirmed, the cursor after the run, and for a failure its category and a
 * short detail that carries no secret.
 */
public record ExportOutcome(boolean succeeded, String category, String detail, long rows, String cursor,
                        String lastFollowUpId, CursorState written) {

    public int exitCode() {
        return succeeded ? 0 : ExportFailure.CONFIG.equals(category) ? 2 : 1;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("status", succeeded ? "succeeded" : "failed");
        map.put("errorCategory", category);
        map.put("detail", detail);
        map.put("rows", rows);
        map.put("cursor", cursor);
        map.put("lastFollowUpId", lastFollowUpId);
        return map;
    }
}
