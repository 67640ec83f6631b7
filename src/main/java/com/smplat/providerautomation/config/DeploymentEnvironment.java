package com.smplat.providerautomation.config;

import java.util.Locale;

/** {@code ENVIRONMENT}: decides whether operator endpoints may be open without a key, and the sandbox. */
public enum DeploymentEnvironment {
    DEVELOPMENT, STAGING, PRODUCTION;

    public static DeploymentEnvironment parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("ENVIRONMENT must be one of development, staging, production");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
