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
}
