package com.smplat.providerautomation.history;

/** {@code provider_automation_run_type_enum}. The API groups alert runs under the key {@code alerts}. */
public enum RunType {
    REPLAY("replay", "replay"), ALERT("alert", "alerts");

    private final String dbValue;
    private final String apiKey;

    RunType(String dbValue, String apiKey) {
        this.dbValue = dbValue;
        this.apiKey = apiKey;
    }

    public String dbValue() {
        return dbValue;
    }

    public String apiKey() {
        return apiKey;
    }
}
