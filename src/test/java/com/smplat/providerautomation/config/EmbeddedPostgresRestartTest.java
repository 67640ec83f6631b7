package com.smplat.providerautomation.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default keeps its data across restarts: the data directory is reused, not re-initialised. */
class EmbeddedPostgresRestartTest {

    private static Connection connect(EmbeddedPostgresServer server) throws Exception {
        return DriverManager.getConnection(server.target().jdbcUrl());
    }

    @Test
    void dataSurvivesARestart(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("data/postgres");
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir, 0);
             Connection connection = connect(first); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (value text)");
            statement.execute("INSERT INTO kept VALUES ('still here')");
        }
        assertThat(dataDir.resolve("PG_VERSION")).exists();
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(dataDir, 0);
             Connection connection = connect(second); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT value FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }
}
