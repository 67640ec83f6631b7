package com.smplat.providerautomation.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
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
                new ServerSettings(8080, DeploymentEnvironment.DEVELOPMENT, dir, "http://localhost:8080", 0)))
                .containsEntry("camel.main.routes-reload-enabled", true)
                .containsEntry("camel.main.routes-reload-directory", dir.toAbsolutePath().normalize().toString())
                .containsEntry("camel.main.routes-reload-remove-all-routes", false);
    }

    @Test
    void stagingProductionAndThePackagedCopyAreNeverReloaded(@TempDir Path dir) {
        assertThat(SettingsEnvironmentPostProcessor.routesReload(
                new ServerSettings(8080, DeploymentEnvironment.PRODUCTION, dir, "http://localhost:8080", 0))).isEmpty();
        assertThat(SettingsEnvironmentPostProcessor.routesReload(
                new ServerSettings(8080, DeploymentEnvironment.DEVELOPMENT, dir.resolve("missing"), "http://localhost:8080", 0))).isEmpty();
    }

    /**
     * Kubernetes mounts a ConfigMap as links to a hidden timestamped folder ({@code x.yaml -> ..data/x.yaml},
     * {@code ..data -> ..2026_12_07...}): each route file must still load once, not twice through the hidden folder.
     */
    @Test
    void aRoutesFolderMountedFromAConfigMapLoadsEachFileOnce(@TempDir Path dir) throws Exception {
        Path version = Files.createDirectory(dir.resolve("..2026_12_07_22_00_00.000000001"));
        for (String name : List.of("errors.yaml", "replay-routes.yaml")) {
            Files.writeString(version.resolve(name), "- route: {id: " + name.replace(".yaml", "") + "}\n");
            Files.createSymbolicLink(dir.resolve(name), Path.of("..data", name));
        }
        Files.createSymbolicLink(dir.resolve("..data"), version.getFileName());

        assertThat(loadedFileNames(SettingsEnvironmentPostProcessor.routesPattern(dir)))
                .containsExactlyInAnyOrder("errors.yaml", "replay-routes.yaml");
    }

    /** The files Camel's resource resolver finds for the routes pattern, as it does at start-up. */
    private static List<String> loadedFileNames(String pattern) throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            List<String> names = new ArrayList<>();
            for (Resource resource : PluginHelper.getPackageScanResourceResolver(camel).findResources(pattern)) {
                names.add(Path.of(resource.getLocation().replaceFirst("^file:", "")).getFileName().toString());
            }
            return names;
        }
    }
}
