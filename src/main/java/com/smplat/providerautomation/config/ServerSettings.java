package com.smplat.providerautomation.config;

import java.nio.file.Path;

/**
 * HTTP server, deployment and route-loading settings.
 *
 * @param sandboxBaseUrl where the demo providers reach the development sandbox provider
 * @param warmupSeconds  how long the hot read paths are warmed before readiness turns UP (0 = not at all)
 */
public record ServerSettings(int port, DeploymentEnvironment environment, Path routesDir, String sandboxBaseUrl,
                             int warmupSeconds) {

    static ServerSettings from(EnvSource env) {
        int port = env.integer("PORT", 8080);
        if (port < 1 || port > 65535) {
            throw new SettingsException("PORT must be between 1 and 65535");
        }
        DeploymentEnvironment environment = env.get("ENVIRONMENT").map(DeploymentEnvironment::parse)
                .orElse(DeploymentEnvironment.DEVELOPMENT);
        Path routesDir = Path.of(env.string("ROUTES_DIR", "routes"));
        String sandboxBaseUrl = env.string("SANDBOX_BASE_URL", "http://localhost:" + port).replaceAll("/+$", "");
        if (!sandboxBaseUrl.startsWith("http://") && !sandboxBaseUrl.startsWith("https://")) {
            throw new SettingsException("SANDBOX_BASE_URL must be an absolute http(s) URL");
        }
        int warmupSeconds = env.integer("STARTUP_WARMUP_SECONDS", 8);
        if (warmupSeconds < 0 || warmupSeconds > 120) {
            throw new SettingsException("STARTUP_WARMUP_SECONDS must be between 0 and 120");
        }
        return new ServerSettings(port, environment, routesDir, sandboxBaseUrl, warmupSeconds);
    }

    public boolean development() {
        return environment == DeploymentEnvironment.DEVELOPMENT;
    }
}
