package com.smplat.providerautomation.sandbox;

/** A sandbox answer: HTTP status and JSON body (getters, so the YAML route can read them with simple). */
public final class SandboxReply {
    private final int status;
    private final String json;

    SandboxReply(int status, String json) {
        this.status = status;
        this.json = json;
    }

    public int getStatus() {
        return status;
    }

    public String getJson() {
        return json;
    }
}
