package com.smplat.providerautomation.replay;

/** The kinds of provider automation endpoint ({@code metadata_json.automation.endpoints.<kind>}). */
public enum EndpointKind {
    ORDER("order", "Order", 10), REFILL("refill", "Refill", 10), BALANCE("balance", "Balance", 8);

    private final String key;
    private final String label;
    private final int defaultTimeoutSeconds;

    EndpointKind(String key, String label, int defaultTimeoutSeconds) {
        this.key = key;
        this.label = label;
        this.defaultTimeoutSeconds = defaultTimeoutSeconds;
    }

    public String key() {
        return key;
    }

    public String notConfiguredMessage() {
        return label + " endpoint is not configured for provider";
    }

    public int defaultTimeoutSeconds() {
        return defaultTimeoutSeconds;
    }
}
