package com.smplat.providerautomation.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The embedded PostgreSQL opened while Spring prepares the context is handed over once, or closed. */
class EarlyDatabaseStartTest {

    private static StandardEnvironment environment(Path dataDir) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "EMBEDDED_POSTGRES_DIR", dataDir.toString(), "ENVIRONMENT", "development")));
        return environment;
    }

    private static EarlyDatabaseStart startedFor(StandardEnvironment environment) {
        EarlyDatabaseStart early = new EarlyDatabaseStart();
        early.onApplicationEvent(new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(),
                new SpringApplication(), new String[0], environment));
        return early;
    }

    private static boolean accepts(DatabaseTarget target) {
        try (Connection ignored = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password())) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void theDatabaseStartedEarlyIsHandedOverOnceForTheSameSettings(@TempDir Path dir) throws Exception {
        StandardEnvironment environment = environment(dir.resolve("pg"));
        EarlyDatabaseStart early = startedFor(environment);
        DatabaseSettings settings = Settings.from(SettingsConfig.envSource(environment)).database();

        Optional<DatabaseEndpoint> taken = early.take(settings);
        assertThat(taken).isPresent();
        try (DatabaseEndpoint endpoint = taken.get()) {
            assertThat(endpoint.embedded()).isPresent();
            assertThat(accepts(endpoint.target())).isTrue();
            assertThat(early.take(settings)).as("a second taker opens its own").isEmpty();
            assertThat(accepts(endpoint.target())).as("the first taker's server still runs").isTrue();
        }
    }

    @Test
    void aDatabaseNobodyTookIsStoppedWhenTheStartFails(@TempDir Path dir) {
        Path dataDir = dir.resolve("pg");
        EarlyDatabaseStart early = startedFor(environment(dataDir));

        early.onApplicationEvent(new ApplicationFailedEvent(new SpringApplication(), new String[0], null,
                new IllegalStateException("start failed")));

        assertThat(dataDir.resolve("PG_VERSION")).as("the server was started").exists();
        assertThat(dataDir.resolve("postmaster.pid")).as("and stopped").doesNotExist();
    }

    @Test
    void aDatabaseStartedForOtherSettingsIsStoppedAndNotHandedOver(@TempDir Path dir) {
        Path dataDir = dir.resolve("pg");
        EarlyDatabaseStart early = startedFor(environment(dataDir));

        assertThat(early.take(new DatabaseSettings(Optional.empty(), dir.resolve("other"), 0, 20))).isEmpty();

        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
    }
}
