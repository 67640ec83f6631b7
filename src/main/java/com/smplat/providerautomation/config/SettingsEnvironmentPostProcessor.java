package com.smplat.providerautomation.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Bridges the contract's environment variables into Spring: reads {@code ./.env} (below the real environment),
 * validates every setting, and derives the Spring and Camel properties that depend on them (port, where routes
 * are loaded from, the profile). Derived values sit last, so an explicit property still wins.
 */
public class SettingsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Before the config files are read, so the profile chosen by ENVIRONMENT selects application-<env>.yml. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER - 1;
    }


    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> dotEnv = new HashMap<>(EnvSource.readDotEnv(Path.of(".env")));
        if (!dotEnv.isEmpty() && environment.getPropertySources().contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new MapPropertySource("dotenv", dotEnv));
        }
        Settings settings = Settings.from(SettingsConfig.envSource(environment));
        Map<String, Object> derived = new HashMap<>();
        derived.put("server.port", settings.server().port());
        derived.put("camel.main.routes-include-pattern", routesPattern(settings.server().routesDir()));
        derived.putAll(routesReload(settings.server()));
        // read by routes/replay-schedules.yaml
        derived.put("replay.cron", settings.replay().cron());
        derived.put("replay.quartz-group", settings.replay().taskQueue());
        // read by routes/alerts-schedules.yaml
        derived.put("alerts.quartz-group", settings.alerts().taskQueue());
        derived.put("alerts.interval-ms", settings.alerts().intervalSeconds() * 1000L);
        // read by routes/export-*-schedules.yaml
        derived.put("exports.runs-cron", settings.exports().runsCron());
        derived.put("exports.followups-cron", settings.exports().followUpsCron());
        // read by metrics.ExportProgress and api.HotPathWarmUp
        derived.put("exports.progress-log-seconds", settings.exports().progressLogSeconds());
        derived.put("startup.warmup-seconds", settings.server().warmupSeconds());
        derived.put("exports.runs-enabled", settings.exports().runsEnabled());
        derived.put("exports.followups-enabled", settings.exports().followUpsEnabled());
        environment.getPropertySources().addLast(new MapPropertySource("provider-automation-settings", derived));
        environment.addActiveProfile(settings.server().environment().label());
    }

    /**
     * In development, an edited route file is reloaded without a restart. Only the routes of the changed file are
     * replaced (Camel's default removes every route, and the other files' routes would not come back). The jar's
     * packaged copy cannot be watched, so reload needs the routes folder.
     */
    static Map<String, Object> routesReload(ServerSettings server) {
        if (!server.development() || !Files.isDirectory(server.routesDir())) {
            return Map.of();
        }
        return Map.of(
                "camel.main.routes-reload-enabled", true,
                "camel.main.routes-reload-directory", server.routesDir().toAbsolutePath().normalize().toString(),
                "camel.main.routes-reload-pattern", "*.yaml",
                "camel.main.routes-reload-remove-all-routes", false);
    }

    /** The routes folder when it exists (operators edit it), else the copy packaged in the jar. */
    static String routesPattern(Path routesDir) {
        return Files.isDirectory(routesDir)
                ? "file:" + routesDir.toAbsolutePath().normalize() + "/*.yaml"
                : "classpath:routes/*.yaml";
    }
}
