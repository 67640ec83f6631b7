package com.smplat.providerautomation.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL used when {@code DATABASE_URL} is unset: real Postgres binaries (zonky) whose data
 * directory survives restarts.
 *
 * <p>A data directory holds one server. When a running service already serves it, another process (a one-shot
 * command next to {@code serve}) attaches to that server instead of starting a second one. When the server was
 * left behind by a process that died (SIGKILL), it is stopped and started again under this process.
 */
public final class EmbeddedPostgresServer implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(15);
    private static final String ZONKY_LOCK_FILE = "epg-lock";

    /** Null when attached to a server another process owns. */
    private final EmbeddedPostgres owned;
    private final int port;

    private EmbeddedPostgresServer(EmbeddedPostgres owned, int port) {
        this.owned = owned;
        this.port = port;
    }

    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        try {
            Optional<RunningPostmaster> running = RunningPostmaster.read(absolute);
            if (running.isPresent() && running.get().ownerAlive(absolute)) {
                LOG.info("DATABASE_URL is not set: using the embedded PostgreSQL that another running process serves on 127.0.0.1:{} from {}",
                        running.get().port(), absolute);
                return new EmbeddedPostgresServer(null, running.get().port());
            }
            if (running.isPresent()) {
                running.get().stop(absolute);
            }
            Files.createDirectories(absolute.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(absolute)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("max_connections", "200")
                    // stopped by the Spring context after Camel and the pool (DatabaseEndpoint is destroyed last);
                    // zonky's own JVM shutdown hook would stop it at SIGTERM while in-flight work still writes
                    .setRegisterShutdownHook(false);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            LOG.info("DATABASE_URL is not set: started an embedded PostgreSQL on 127.0.0.1:{} with data in {}",
                    postgres.getPort(), absolute);
            return new EmbeddedPostgresServer(postgres, postgres.getPort());
        } catch (IOException e) {
            throw new IllegalStateException("Embedded PostgreSQL did not start (data in " + absolute + "): " + e.getMessage(), e);
        }
    }

    /** The live postmaster named by {@code postmaster.pid}, if any. */
    record RunningPostmaster(ProcessHandle process, int port) {

        static Optional<RunningPostmaster> read(Path dataDir) throws IOException {
            Path pidFile = dataDir.resolve("postmaster.pid");
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.size() < 4 || !lines.get(0).strip().matches("\\d+") || !lines.get(3).strip().matches("\\d+")) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                    .map(p -> new RunningPostmaster(p, Integer.parseInt(lines.get(3).strip())));
        }

        /**
         * True while the process that started this server still runs. That process holds zonky's lock on
         * {@code epg-lock} in the data directory; the lock is released when the process dies, even by SIGKILL.
         */
        boolean ownerAlive(Path dataDir) throws IOException {
            try (FileChannel channel = FileChannel.open(dataDir.resolve(ZONKY_LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    return true;
                }
                lock.release();
                return false;
            } catch (OverlappingFileLockException e) {
                return true;
            }
        }

        /** Stops an orphan; Postgres recovers from its own WAL at the next start. */
        void stop(Path dataDir) throws IOException {
            LOG.warn("Stopping an orphaned embedded PostgreSQL (pid {}) left on {} by a process that died", process.pid(), dataDir);
            process.destroy();
            try {
                process.onExit().get(ORPHAN_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IOException("an orphaned PostgreSQL (pid " + process.pid() + ") still holds " + dataDir);
            }
        }
    }

    public DatabaseTarget target() {
        return new DatabaseTarget("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", null);
    }

    public int port() {
        return port;
    }

    /** Stops the server when this process started it; an attached server stays with its owner. */
    @Override
    public void close() throws IOException {
        if (owned != null) {
            owned.close();
            LOG.info("Stopped the embedded PostgreSQL on 127.0.0.1:{}", port);
        }
    }
}
