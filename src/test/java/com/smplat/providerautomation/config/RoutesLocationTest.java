package com.smplat.providerautomation.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutesLocationTest {

    @Test
    void anExistingRoutesFolderIsLoadedFromTheFileSystem(@TempDir Path dir) {
        assertThat(SettingsEnvironmentPostProcessor.routesPattern(dir))
                .isEqualTo("file:" + dir.toAbsolutePath().normalize() + "/*.yaml");
    }

    @Test
    void withoutOneTheCopyPackagedInTheJarIsUsed(@TempDir Path dir) {
        assertThat(SettingsEnvironmentPostProcessor.routesPattern(dir.resolve("missing"))).isEqualTo("classpath:routes/*.yaml");
    }

    @Test
    void developmentReloadsOnlyTheEditedFileOfTheRoutesFolder(@TempDir Path dir) {
        assertThat(SettingsEnvironmentPostProcessor.routesReload(
                new ServerSettings(8080, DeploymentEnvironment.DEVELOPMENT, dir, "http://localhost:8080")))
                .containsEntry("camel.main.routes-reload-enabled", true)
                .containsEntry("camel.main.routes-reload-directory", dir.toAbsolutePath().normalize().toString())
                .containsEntry("camel.main.routes-reload-remove-all-routes", false);
    }

    @Test
    void stagingProductionAndThePackagedCopyAreNeverReloaded(@TempDir Path dir) {
        assertThat(SettingsEnvironmentPostProcessor.routesReload(
                new ServerSettings(8080, DeploymentEnvironment.PRODUCTION, dir, "http://localhost:8080"))).isEmpty();
        assertThat(SettingsEnvironmentPostProcessor.routesReload(
                new ServerSettings(8080, DeploymentEnvironment.DEVELOPMENT, dir.resolve("missing"), "http://localhost:8080"))).isEmpty();
    }
}
