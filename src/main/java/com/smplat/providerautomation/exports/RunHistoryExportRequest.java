package com.smplat.providerautomation.exports;

import java.nio.file.Path;

/**
 * One run-history export (exports.md 2.5, 2.6, 2.10), validated. {@code baseUrl} is null for the scheduled route,
 * which reads history in-process (contract resolution 12). {@code output} wins over {@code exportDir}; neither means
 * stdout.
 */
public record RunHistoryExportRequest(String trigger, String baseUrl, String authToken, int limit, String format, Path output,
                        Path exportDir, long timeoutMillis, long retryBaseMillis) {

    /** The history URL: the base with every trailing slash removed, then the contract path and the limit. */
    public String historyUrl() {
        return baseUrl.replaceAll("/+$", "") + "/api/v1/fulfillment/providers/automation/status/history";
    }

    @Override
    public String toString() {
        return "RunHistoryExportRequest[trigger=" + trigger + ", limit=" + limit + ", format=" + format + "]";
    }
}
