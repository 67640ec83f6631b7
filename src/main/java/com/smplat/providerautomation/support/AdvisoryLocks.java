package com.smplat.providerautomation.support;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster-wide single flight for a pipeline: a PostgreSQL session advisory lock keyed by the pipeline's name. The
 * lease holds one pooled connection while the pipeline runs; if the holder dies, its connection closes and
 * PostgreSQL releases the lock at once. A lease whose unlock fails does not hand its connection back to the pool
 * with the lock still held: the connection is evicted, and closing its session releases the lock.
 */
public class AdvisoryLocks {
    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLocks.class);

    private final DataSource dataSource;

    public AdvisoryLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A held lock; closing it unlocks and returns the connection, or evicts it when the unlock failed. */
    public final class Lease implements AutoCloseable {
        private final Connection connection;
        private final String name;

        private Lease(Connection connection, String name) {
            this.connection = connection;
            this.name = name;
        }

        @Override
        public void close() {
            try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
                unlock.setString(1, name);
                unlock.execute();
            } catch (SQLException e) {
                LOG.warn("Unlocking pipeline {} failed ({}); its connection is closed, which releases the lock", name, e.getMessage());
                discard(connection);
                return;
            }
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("Returning the connection of pipeline lock {} failed: {}", name, e.getMessage());
            }
        }
    }

    /** Ends the connection's session instead of pooling it: a pooled session would keep its locks. */
    private void discard(Connection connection) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
            } else {
                // an unpooled DataSource: closing the connection ends the session
                connection.close();
            }
        } catch (SQLException e) {
            LOG.warn("Closing a connection that may hold a pipeline lock failed: {}", e.getMessage());
        }
    }

    /** The lock, or empty when another holder (on any instance) has it. */
    public Optional<Lease> tryAcquire(String name) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
                lock.setString(1, name);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return Optional.of(new Lease(connection, name));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the original error is the one to report
                }
            }
            throw new IllegalStateException("pipeline lock " + name + " unavailable: " + e.getMessage(), e);
        }
    }
}
