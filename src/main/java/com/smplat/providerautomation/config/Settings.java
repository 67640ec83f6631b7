package com.smplat.providerautomation.config;

/**
 * Every setting of the service, parsed and validated once at start-up, before Spring starts. A bad value
 * throws {@link SettingsException}: the command exits 2 and nothing has been created.
 */
public record Settings(ServerSettings server, DatabaseSettings database, ApiSettings api, ReplaySettings replay,
                       AlertSettings alerts, ExportSettings exports) {

    public static Settings from(EnvSource env) {
        return new Settings(ServerSettings.from(env), DatabaseSettings.from(env), ApiSettings.from(env), ReplaySettings.from(env),
                AlertSettings.from(env), ExportSettings.from(env));
    }
}
