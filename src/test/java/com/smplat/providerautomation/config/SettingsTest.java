package com.smplat.providerautomation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @Test
    void defaultsWhenNothingIsSet() {
        Settings settings = Settings.from(EnvSource.of(Map.of()));
        assertThat(settings.server().port()).isEqualTo(8080);
        assertThat(settings.server().environment()).isEqualTo(DeploymentEnvironment.DEVELOPMENT);
        assertThat(settings.server().sandboxBaseUrl()).isEqualTo("http://localhost:8080");
        assertThat(settings.database().external()).isEmpty();
        assertThat(settings.database().embeddedDir()).isEqualTo(Path.of("data/postgres"));
        assertThat(settings.api().checkoutApiKey()).isEmpty();
    }

    @Test
    void emptyValuesCountAsUnset() {
        Settings settings = Settings.from(EnvSource.of(Map.of("PORT", "", "DATABASE_URL", " ", "CHECKOUT_API_KEY", "")));
        assertThat(settings.server().port()).isEqualTo(8080);
        assertThat(settings.database().external()).isEmpty();
        assertThat(settings.api().checkoutApiKey()).isEmpty();
    }

    @Test
    void booleansAcceptEveryContractSpelling() {
        for (String yes : new String[] {"true", "TRUE", "1", "yes", "On"}) {
            assertThat(EnvSource.of(Map.of("FLAG", yes)).bool("FLAG", false)).as(yes).isTrue();
        }
        for (String no : new String[] {"false", "0", "NO", "off"}) {
            assertThat(EnvSource.of(Map.of("FLAG", no)).bool("FLAG", true)).as(no).isFalse();
        }
        assertThatThrownBy(() -> EnvSource.of(Map.of("FLAG", "maybe")).bool("FLAG", true))
                .isInstanceOf(SettingsException.class).hasMessageContaining("FLAG").hasMessageNotContaining("maybe");
    }

    @Test
    void unparsableValuesNameTheVariableNotTheValue() {
        assertThatThrownBy(() -> Settings.from(EnvSource.of(Map.of("PORT", "eighty"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("PORT").hasMessageNotContaining("eighty");
        assertThatThrownBy(() -> Settings.from(EnvSource.of(Map.of("PORT", "70000"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("PORT");
        assertThatThrownBy(() -> Settings.from(EnvSource.of(Map.of("ENVIRONMENT", "prod"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("ENVIRONMENT");
        assertThatThrownBy(() -> Settings.from(EnvSource.of(Map.of("DATABASE_POOL_SIZE", "1"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("DATABASE_POOL_SIZE");
    }

    @Test
    void apiKeyNeverAppearsInToString() {
        Settings settings = Settings.from(EnvSource.of(Map.of("CHECKOUT_API_KEY", "super-secret-key")));
        assertThat(settings.toString()).doesNotContain("super-secret-key");
    }

    @Test
    void dotEnvFileIsReadWithQuotesAndExports(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(".env");
        Files.writeString(file, """
                # comment
                export PORT=9090
                CHECKOUT_API_KEY="quoted key"
                EMPTY=
                not a setting
                """);
        Map<String, String> values = EnvSource.readDotEnv(file);
        assertThat(values).containsEntry("PORT", "9090").containsEntry("CHECKOUT_API_KEY", "quoted key")
                .containsEntry("EMPTY", "").hasSize(3);
        assertThat(Settings.from(EnvSource.of(values)).server().port()).isEqualTo(9090);
    }
}
