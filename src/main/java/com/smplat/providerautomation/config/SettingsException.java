package com.smplat.providerautomation.config;

/**
 * A setting or flag that cannot be used. Commands report it on one line and exit 2; the message names
 * the variable or flag and never echoes its value, since the value may be a secret.
 */
public class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
