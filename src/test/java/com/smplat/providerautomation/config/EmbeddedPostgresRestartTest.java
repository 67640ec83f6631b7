package com.smplat.providerautomation.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default keeps its data across restarts, lets a second process share a running server, and
 * recovers a server whose owning process was killed.
 */
class EmbeddedPostgresRestartTest {

    private static Connection connect(EmbeddedPostgresServer server) throws Exception {
        return DriverManager.getConnection(server.target().jdbcUrl(), server.target().user(), server.target().password());
    }

    private static String keptValue(EmbeddedPostgresServer server) throws Exception {
        try (Connection connection = connect(server); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT value FROM kept")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static void keep(EmbeddedPostgresServer server, String value) throws Exception {
        try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (value text)");
            statement.execute("INSERT INTO kept VALUES ('" + value + "')");
        }
    }

    @Test
    void dataSurvivesARestart(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("data/postgres");
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir, 0)) {
            keep(first, "still here");
        }
        assertThat(dataDir.resolve("PG_VERSION")).exists();
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(dataDir, 0)) {
            assertThat(keptValue(second)).isEqualTo("still here");
        }
    }

    @Test
    void aSecondProcessSharesTheRunningServerAndLeavesItRunning(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("pg");
        try (EmbeddedPostgresServer owner = EmbeddedPostgresServer.start(dataDir, 0)) {
            keep(owner, "shared");
            try (EmbeddedPostgresServer attached = EmbeddedPostgresServer.start(dataDir, 0)) {
                assertThat(attached.port()).isEqualTo(owner.port());
                assertThat(keptValue(attached)).isEqualTo("shared");
            }
            assertThat(keptValue(owner)).as("closing the attached side leaves the owner's server up").isEqualTo("shared");
        }
    }

    @Test
    void aServerOrphanedByAKilledProcessIsTakenOver(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("pg");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedPostgresHolder.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                // start-up logs
            }
            assertThat(line).isEqualTo("ready");
        }
        holder.destroyForcibly();
        assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();

        try (EmbeddedPostgresServer recovered = EmbeddedPostgresServer.start(dataDir, 0)) {
            keep(recovered, "after a crash");
            assertThat(keptValue(recovered)).isEqualTo("after a crash");
        }
    }
}
