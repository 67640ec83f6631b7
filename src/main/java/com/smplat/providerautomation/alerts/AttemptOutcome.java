package com.smplat.providerautomation.alerts;

/**
 * What one delivery ended with, the result of {@code direct:alert-slack-post} (one Slack post) and of
 * {@code direct:alert-email-send} (one recipient): whether it was delivered, after how many attempts, the last HTTP
 * status (Slack only, null when none was received), and the sanitised error code of a failure (AL-SEC-2), else null.
 */
public record AttemptOutcome(boolean delivered, int attempts, Integer httpStatus, String code) {

    public static AttemptOutcome delivered(int attempts, Integer httpStatus) {
        return new AttemptOutcome(true, attempts, httpStatus, null);
    }

    public static AttemptOutcome failed(int attempts, Integer httpStatus, String code) {
        return new AttemptOutcome(false, attempts, httpStatus, code);
    }
}
