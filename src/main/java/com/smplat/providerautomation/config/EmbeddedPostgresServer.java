package com.smplat.providerautomation.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL used when {@code DATABASE_URL} is unset: real Postgres binaries (zonky) whose data
 * directory survives restarts.
 */
public final class EmbeddedPostgresServer implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(15);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.getParent());
            stopOrphanedServer(absolute);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(absolute)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("max_connections", "200");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            LOG.info("DATABASE_URL is not set: started an embedded PostgreSQL on 127.0.0.1:{} with data in {}",
                    postgres.getPort(), absolute);
            return new EmbeddedPostgresServer(postgres, absolute);
        } catch (IOException e) {
            throw new IllegalStateException("Embedded PostgreSQL did not start (data in " + absolute + "): " + e.getMessage(), e);
        }
    }

    /**
     * A service killed with SIGKILL leaves its postmaster running on the data directory, and the next start would
     * fail on the stale lock. Stop that orphan first; Postgres recovers from its own WAL.
     */
    static void stopOrphanedServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<Long> pid = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst()
                .map(String::strip).filter(s -> s.matches("\\d+")).map(Long::parseLong);
        Optional<ProcessHandle> orphan = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        LOG.warn("Stopping an orphaned embedded PostgreSQL (pid {}) left on {} by an earlier run", orphan.get().pid(), dataDir);
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(ORPHAN_STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IOException("an earlier PostgreSQL (pid " + orphan.get().pid() + ") still holds " + dataDir);
        }
    }

    public DatabaseTarget target() {
        return new DatabaseTarget(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
