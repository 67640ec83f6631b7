package com.smplat.providerautomation.config;

import java.util.Optional;

/** Operator API protection. {@code CHECKOUT_API_KEY} is a secret: it is never printed. */
public record ApiSettings(Optional<String> checkoutApiKey) {

    static ApiSettings from(EnvSource env) {
        return new ApiSettings(env.get("CHECKOUT_API_KEY"));
    }

    @Override
    public String toString() {
        return "ApiSettings[checkoutApiKey=" + (checkoutApiKey.isPresent() ? "***" : "unset") + "]";
    }
}
