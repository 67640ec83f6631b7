package com.smplat.providerautomation.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Exposes the validated {@link Settings} and their areas as beans. */
@Configuration(proxyBeanMethods = false)
public class SettingsConfig {

    static EnvSource envSource(Environment environment) {
        return new EnvSource(environment::getProperty);
    }

    @Bean
    public Settings settings(Environment environment) {
        return Settings.from(envSource(environment));
    }

    @Bean
    public ServerSettings serverSettings(Settings settings) {
        return settings.server();
    }

    @Bean
    public ReplaySettings replaySettings(Settings settings) {
        return settings.replay();
    }

    @Bean
    public AlertSettings alertSettings(Settings settings) {
        return settings.alerts();
    }

    @Bean
    public ExportSettings exportSettings(Settings settings) {
        return settings.exports();
    }

    @Bean
    public ApiSettings apiSettings(Settings settings) {
        return settings.api();
    }
}
